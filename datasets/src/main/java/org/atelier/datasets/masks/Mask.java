package org.atelier.datasets.masks;

import java.util.Arrays;
import org.atelier.core.image.Image;

/**
 * A binary inpainting mask. Convention throughout Atelier (as in LaMa): {@code true} / 1 =
 * hole to fill, {@code false} / 0 = keep. Code that talks to a tool with the opposite
 * convention converts at that border only.
 *
 * @param height rows
 * @param width  columns
 * @param hole   {@code height * width} flags, row-major
 */
public record Mask(int height, int width, boolean[] hole) {
    public Mask {
        if (height <= 0 || width <= 0 || hole.length != height * width) {
            throw new IllegalArgumentException("mask of " + width + "x" + height + " needs " + height * width
                    + " flags, got " + hole.length);
        }
    }

    public static Mask empty(int height, int width) {
        return new Mask(height, width, new boolean[height * width]);
    }

    /** Which pixels a drawn mask makes a hole. */
    @FunctionalInterface
    public interface Shape {
        boolean isHole(int y, int x);
    }

    /** A mask drawn by a rule, e.g. {@code Mask.drawn(28, 28, (y, x) -> y >= 10 && y < 20)} for a band of rows. */
    public static Mask drawn(int height, int width, Shape shape) {
        boolean[] hole = new boolean[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                hole[y * width + x] = shape.isHole(y, x);
            }
        }
        return new Mask(height, width, hole);
    }

    public boolean isHole(int y, int x) {
        return hole[y * width + x];
    }

    public int holePixels() {
        int n = 0;
        for (boolean b : hole) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** Share of pixels in the hole, in [0, 1]. */
    public double holeFraction() {
        return holePixels() / (double) hole.length;
    }

    /** One-channel image, white (1) = hole, black (-1) = keep — the PNG convention for masks. */
    public Image toImage() {
        float[] p = new float[hole.length];
        for (int i = 0; i < hole.length; i++) {
            p[i] = hole[i] ? 1f : -1f;
        }
        return new Image(1, height, width, p);
    }

    /** {@code image} (of this mask's size) with its hole painted mid-grey (0), as figures show a masked input. */
    public Image greyOut(Image image) {
        if (image.height() != height || image.width() != width) {
            throw new IllegalArgumentException("mask of " + width + "x" + height + " on an image of "
                    + image.width() + "x" + image.height());
        }
        float[] p = image.pixels().clone();
        int plane = height * width;
        for (int c = 0; c < image.channels(); c++) {
            for (int i = 0; i < plane; i++) {
                if (hole[i]) {
                    p[c * plane + i] = 0f;
                }
            }
        }
        return new Image(image.channels(), height, width, p);
    }

    /** As 0/1 floats (1 = hole), row-major, for models. */
    public float[] toFloats() {
        float[] p = new float[hole.length];
        for (int i = 0; i < hole.length; i++) {
            p[i] = hole[i] ? 1f : 0f;
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mask m && m.height == height && m.width == width && Arrays.equals(m.hole, hole);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * height + width) + Arrays.hashCode(hole);
    }

    @Override
    public String toString() {
        return "Mask[" + width + "x" + height + ", hole " + String.format("%.1f%%", 100 * holeFraction()) + "]";
    }
}
