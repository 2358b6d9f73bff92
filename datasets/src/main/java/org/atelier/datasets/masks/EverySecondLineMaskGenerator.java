package org.atelier.datasets.masks;

import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Alternate rows are holes — row {@code firstHoleRow}, then every second row after it — a
 * de-interlacing / 2× vertical super-resolution probe (cf. LaMa's "super-resolution" masks of
 * regular lines). With the default {@code firstHoleRow = 1}, rows 1, 3, 5, … are holes and
 * row 0 is kept. Draws nothing from the random source.
 *
 * @param firstHoleRow 0 or 1
 */
public record EverySecondLineMaskGenerator(int firstHoleRow) implements MaskGenerator {
    public static final int DEFAULT_FIRST_HOLE_ROW = 1;

    public EverySecondLineMaskGenerator {
        if (firstHoleRow != 0 && firstHoleRow != 1) {
            throw new IllegalArgumentException("firstHoleRow must be 0 or 1, got " + firstHoleRow);
        }
    }

    public EverySecondLineMaskGenerator() {
        this(DEFAULT_FIRST_HOLE_ROW);
    }

    static EverySecondLineMaskGenerator fromSpec(MaskSpec spec) {
        spec.allowOnly(Set.of("first"));
        return new EverySecondLineMaskGenerator(spec.integer("first", DEFAULT_FIRST_HOLE_ROW, 0, 1));
    }

    @Override
    public String kind() {
        return firstHoleRow == DEFAULT_FIRST_HOLE_ROW ? "every-second-line" : "every-second-line:first=" + firstHoleRow;
    }

    @Override
    public Mask generate(int height, int width, RandomGenerator rng) {
        boolean[] hole = new boolean[height * width];
        for (int y = firstHoleRow; y < height; y += 2) {
            Shapes.rect(hole, height, width, y, 0, 1, width);
        }
        return new Mask(height, width, hole);
    }
}
