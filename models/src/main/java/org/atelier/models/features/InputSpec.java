package org.atelier.models.features;

/**
 * What a feature extractor consumes natively: channel count, size and value range. Images are
 * fed at exactly this size (never resized behind the user's back) and every metric output
 * repeats this description.
 *
 * @param channels 1 (grey) or 3 (RGB)
 * @param height   rows
 * @param width    columns
 * @param min      lowest pixel value, e.g. -1
 * @param max      highest pixel value, e.g. 1
 */
public record InputSpec(int channels, int height, int width, float min, float max) {
    /** E.g. {@code 1x28x28 grey in [-1, 1]}. */
    public String describe() {
        return channels + "x" + height + "x" + width + (channels == 1 ? " grey" : " RGB") + " in [" + fmt(min) + ", "
                + fmt(max) + "]";
    }

    private static String fmt(float v) {
        return v == Math.rint(v) ? Integer.toString((int) v) : Float.toString(v);
    }
}
