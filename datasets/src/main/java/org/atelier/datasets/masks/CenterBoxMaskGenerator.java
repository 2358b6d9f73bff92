package org.atelier.datasets.masks;

import java.util.Set;
import java.util.random.RandomGenerator;
import org.atelier.core.errors.InvalidInputException;

/**
 * A box in the middle of the image, the classic fixed inpainting mask (Context Encoders,
 * Pathak et al. 2016, used a centre square of half the side). The box spans
 * {@code round(fraction · height)} rows and {@code round(fraction · width)} columns (at least
 * one each), offset by {@code (side − box) / 2} rounded down; the default fraction 0.5 hides
 * 25 % of a square image. Draws nothing from the random source: every call gives the same mask.
 *
 * @param fraction box side as a share of the image side, in (0, 1]
 */
public record CenterBoxMaskGenerator(double fraction) implements MaskGenerator {
    public static final double DEFAULT_FRACTION = 0.5;

    public CenterBoxMaskGenerator {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
        }
    }

    public CenterBoxMaskGenerator() {
        this(DEFAULT_FRACTION);
    }

    static CenterBoxMaskGenerator fromSpec(MaskSpec spec) {
        spec.allowOnly(Set.of("", "fraction"));
        if (spec.has("") && spec.has("fraction")) {
            throw new InvalidInputException("mask kind '" + spec.text() + "': give the fraction once");
        }
        String key = spec.has("") ? "" : "fraction";
        return new CenterBoxMaskGenerator(spec.number(key, DEFAULT_FRACTION, 0.01, 1.0));
    }

    @Override
    public String kind() {
        return fraction == DEFAULT_FRACTION ? "center-box" : "center-box:fraction=" + MaskKinds.format(fraction);
    }

    @Override
    public Mask generate(int height, int width, RandomGenerator rng) {
        int h = Math.max(1, (int) Math.round(fraction * height));
        int w = Math.max(1, (int) Math.round(fraction * width));
        boolean[] hole = new boolean[height * width];
        Shapes.rect(hole, height, width, (height - h) / 2, (width - w) / 2, h, w);
        return new Mask(height, width, hole);
    }
}
