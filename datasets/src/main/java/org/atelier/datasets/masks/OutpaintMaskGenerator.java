package org.atelier.datasets.masks;

import java.util.Set;
import java.util.random.RandomGenerator;
import org.atelier.core.errors.InvalidInputException;

/**
 * Outpainting: bands along the image borders are holes, of fixed widths in pixels (LaMa's
 * {@code OutpaintingMaskGenerator} draws random widths; a fixed band makes evaluation runs
 * comparable). Typed as {@code outpaint:left=8,right=8}; {@code all=N} sets every side not
 * named otherwise. Draws nothing from the random source.
 *
 * @param left   hole columns at the left edge, ≥ 0
 * @param right  hole columns at the right edge, ≥ 0
 * @param top    hole rows at the top, ≥ 0
 * @param bottom hole rows at the bottom, ≥ 0
 */
public record OutpaintMaskGenerator(int left, int right, int top, int bottom) implements MaskGenerator {
    private static final int MAX_BORDER = 1 << 16;

    public OutpaintMaskGenerator {
        if (left < 0 || right < 0 || top < 0 || bottom < 0) {
            throw new IllegalArgumentException("borders must be >= 0, got " + this);
        }
        if (left + right + top + bottom == 0) {
            throw new IllegalArgumentException("at least one border must be wider than 0");
        }
    }

    /** The same border on all four sides. */
    public static OutpaintMaskGenerator all(int pixels) {
        return new OutpaintMaskGenerator(pixels, pixels, pixels, pixels);
    }

    static OutpaintMaskGenerator fromSpec(MaskSpec spec) {
        spec.allowOnly(Set.of("left", "right", "top", "bottom", "all"));
        if (spec.args().isEmpty()) {
            throw new InvalidInputException("mask kind '" + spec.text()
                    + "': give border widths in pixels, e.g. outpaint:left=8,right=8 or outpaint:all=4");
        }
        int all = spec.integer("all", 0, 0, MAX_BORDER);
        int l = spec.integer("left", all, 0, MAX_BORDER);
        int r = spec.integer("right", all, 0, MAX_BORDER);
        int t = spec.integer("top", all, 0, MAX_BORDER);
        int b = spec.integer("bottom", all, 0, MAX_BORDER);
        if (l + r + t + b == 0) {
            throw new InvalidInputException("mask kind '" + spec.text() + "': every border is 0 pixels; nothing to fill");
        }
        return new OutpaintMaskGenerator(l, r, t, b);
    }

    /** Canonical form, e.g. {@code outpaint:all=4} or {@code outpaint:left=8,right=8}. */
    @Override
    public String kind() {
        if (left == right && left == top && left == bottom) {
            return "outpaint:all=" + left;
        }
        StringBuilder s = new StringBuilder();
        append(s, "left", left);
        append(s, "right", right);
        append(s, "top", top);
        append(s, "bottom", bottom);
        return "outpaint:" + s.substring(1);
    }

    private static void append(StringBuilder s, String key, int v) {
        if (v > 0) {
            s.append(',').append(key).append('=').append(v);
        }
    }

    /** @throws InvalidInputException when the borders leave no pixel to keep */
    @Override
    public Mask generate(int height, int width, RandomGenerator rng) {
        if (left + right >= width || top + bottom >= height) {
            throw new InvalidInputException("mask kind '" + kind() + "': borders leave nothing to keep in a "
                    + width + "x" + height + " image (left+right must be < width, top+bottom < height)");
        }
        boolean[] hole = new boolean[height * width];
        Shapes.rect(hole, height, width, 0, 0, height, left);
        Shapes.rect(hole, height, width, 0, width - right, height, right);
        Shapes.rect(hole, height, width, 0, 0, top, width);
        Shapes.rect(hole, height, width, height - bottom, 0, bottom, width);
        return new Mask(height, width, hole);
    }
}
