package org.atelier.datasets.masks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.atelier.core.errors.InvalidInputException;

/**
 * One half of the image is the hole ({@code half:left} etc.). The hole spans
 * {@code floor(width / 2)} columns (left/right) or {@code floor(height / 2)} rows (top/bottom),
 * so on odd sizes the middle line is kept and left/right (top/bottom) masks mirror each other.
 * Draws nothing from the random source.
 *
 * @param side which half is hidden
 */
public record HalfMaskGenerator(Side side) implements MaskGenerator {
    /** The hidden half. */
    public enum Side {
        LEFT, RIGHT, TOP, BOTTOM;

        String typed() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public HalfMaskGenerator {
        if (side == null) {
            throw new IllegalArgumentException("side is required");
        }
    }

    static HalfMaskGenerator fromSpec(MaskSpec spec) {
        spec.allowOnly(Set.of("", "side"));
        String typed = spec.has("") ? spec.args().get("") : spec.string("side", null);
        String sides = Arrays.stream(Side.values()).map(Side::typed).toList().toString();
        if (typed == null || (spec.has("") && spec.has("side"))) {
            throw new InvalidInputException("mask kind '" + spec.text() + "': give one side, one of " + sides
                    + ", e.g. half:left");
        }
        for (Side s : Side.values()) {
            if (s.typed().equals(typed.toLowerCase(Locale.ROOT))) {
                return new HalfMaskGenerator(s);
            }
        }
        throw new InvalidInputException("mask kind '" + spec.text() + "': unknown side '" + typed + "'; expected one of "
                + sides);
    }

    @Override
    public String kind() {
        return "half:" + side.typed();
    }

    @Override
    public Mask generate(int height, int width, RandomGenerator rng) {
        boolean[] hole = new boolean[height * width];
        int w = width / 2;
        int h = height / 2;
        switch (side) {
            case LEFT -> Shapes.rect(hole, height, width, 0, 0, height, w);
            case RIGHT -> Shapes.rect(hole, height, width, 0, width - w, height, w);
            case TOP -> Shapes.rect(hole, height, width, 0, 0, h, width);
            case BOTTOM -> Shapes.rect(hole, height, width, height - h, 0, h, width);
        }
        return new Mask(height, width, hole);
    }
}
