package org.atelier.models.features;

/**
 * One layer's activations for one image, channel-major: value of channel {@code c} at
 * {@code (y, x)} is {@code values[(c * height + y) * width + x]}.
 *
 * @param name     the layer's name in its network, e.g. {@code c3}
 * @param channels feature channels
 * @param height   rows of the layer's grid
 * @param width    columns of the layer's grid
 * @param values   {@code channels * height * width} activations
 */
public record FeatureMap(String name, int channels, int height, int width, float[] values) {
    public FeatureMap {
        if ((long) channels * height * width != values.length) {
            throw new IllegalArgumentException(name + ": expected " + (long) channels * height * width
                    + " values, got " + values.length);
        }
    }

    public float get(int c, int y, int x) {
        return values[(c * height + y) * width + x];
    }
}
