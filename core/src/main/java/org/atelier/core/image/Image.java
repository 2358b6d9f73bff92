package org.atelier.core.image;

import java.util.Arrays;

/**
 * One image as planar float pixels, channel-major (C, H, W), values in [-1, 1] — the range
 * every model sees. Conversion to 8-bit happens only at I/O borders ({@link ImageFiles}).
 *
 * @param channels 1 (grey) or 3 (RGB)
 * @param height   rows
 * @param width    columns
 * @param pixels   {@code channels * height * width} values, index {@code (c * height + y) * width + x}
 */
public record Image(int channels, int height, int width, float[] pixels) implements java.io.Serializable {
    public Image {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (pixels.length != channels * height * width) {
            throw new IllegalArgumentException("expected " + channels * height * width + " pixels, got " + pixels.length);
        }
    }

    public static Image blank(int channels, int height, int width, float value) {
        float[] p = new float[channels * height * width];
        Arrays.fill(p, value);
        return new Image(channels, height, width, p);
    }

    public float get(int c, int y, int x) {
        return pixels[(c * height + y) * width + x];
    }

    public void set(int c, int y, int x, float v) {
        pixels[(c * height + y) * width + x] = v;
    }

    /** Grey images become RGB by repeating the channel; RGB images are returned as they are. */
    public Image toRgb() {
        if (channels == 3) {
            return this;
        }
        float[] p = new float[3 * height * width];
        int plane = height * width;
        for (int c = 0; c < 3; c++) {
            System.arraycopy(pixels, 0, p, c * plane, plane);
        }
        return new Image(3, height, width, p);
    }

    /**
     * This image with {@code channels} channels: grey becomes RGB by repetition, RGB becomes grey
     * by {@link Luma} (BT.601), an image that already has them is returned as it is.
     */
    public Image withChannels(int channels) {
        if (channels == this.channels) {
            return this;
        }
        if (channels == 3) {
            return toRgb();
        }
        if (channels == 1) {
            return Luma.toGrey(this);
        }
        throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
    }

    /** Nearest-neighbour enlargement by an integer factor (for legible grids of tiny images). */
    public Image scaledUp(int factor) {
        if (factor == 1) {
            return this;
        }
        int h = height * factor;
        int w = width * factor;
        float[] p = new float[channels * h * w];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    p[(c * h + y) * w + x] = get(c, y / factor, x / factor);
                }
            }
        }
        return new Image(channels, h, w, p);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image other && channels == other.channels && height == other.height
                && width == other.width && Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * channels + height) + width) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "Image[" + channels + "x" + height + "x" + width + "]";
    }
}
