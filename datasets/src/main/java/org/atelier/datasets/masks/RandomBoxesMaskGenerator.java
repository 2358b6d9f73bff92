package org.atelier.datasets.masks;

import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * One to {@code maxBoxes} axis-aligned boxes (count uniform), each with its height and width
 * drawn independently and uniformly in [{@code minSide}, {@code maxSide}] of the image's
 * height and width (rounded, at least one pixel), placed uniformly where it fits whole. Boxes
 * may overlap. A simple random-rectangle mask for quick experiments; LaMa's box masks are part
 * of {@code medium} and {@code thick}.
 *
 * @param maxBoxes most boxes per mask, ≥ 1
 * @param minSide  smallest box side as a share of the image side, in (0, 1]
 * @param maxSide  largest box side as a share of the image side, in [minSide, 1]
 */
public record RandomBoxesMaskGenerator(int maxBoxes, double minSide, double maxSide) implements MaskGenerator {
    public static final int DEFAULT_MAX_BOXES = 3;
    public static final double DEFAULT_MIN_SIDE = 0.1;
    public static final double DEFAULT_MAX_SIDE = 0.4;

    public RandomBoxesMaskGenerator {
        if (maxBoxes < 1) {
            throw new IllegalArgumentException("maxBoxes must be at least 1, got " + maxBoxes);
        }
        if (!(minSide > 0 && minSide <= maxSide && maxSide <= 1)) {
            throw new IllegalArgumentException("need 0 < minSide <= maxSide <= 1, got " + minSide + ", " + maxSide);
        }
    }

    public RandomBoxesMaskGenerator() {
        this(DEFAULT_MAX_BOXES, DEFAULT_MIN_SIDE, DEFAULT_MAX_SIDE);
    }

    static RandomBoxesMaskGenerator fromSpec(MaskSpec spec) {
        spec.allowOnly(Set.of("boxes", "min-side", "max-side"));
        int boxes = spec.integer("boxes", DEFAULT_MAX_BOXES, 1, 100);
        double min = spec.number("min-side", DEFAULT_MIN_SIDE, 0.01, 1.0);
        double max = spec.number("max-side", Math.max(min, DEFAULT_MAX_SIDE), min, 1.0);
        return new RandomBoxesMaskGenerator(boxes, min, max);
    }

    @Override
    public String kind() {
        StringBuilder args = new StringBuilder();
        if (maxBoxes != DEFAULT_MAX_BOXES) {
            args.append(",boxes=").append(maxBoxes);
        }
        if (minSide != DEFAULT_MIN_SIDE) {
            args.append(",min-side=").append(MaskKinds.format(minSide));
        }
        if (maxSide != DEFAULT_MAX_SIDE) {
            args.append(",max-side=").append(MaskKinds.format(maxSide));
        }
        return args.length() == 0 ? "random-boxes" : "random-boxes:" + args.substring(1);
    }

    @Override
    public Mask generate(int height, int width, RandomGenerator rng) {
        boolean[] hole = new boolean[height * width];
        int count = 1 + rng.nextInt(maxBoxes);
        for (int i = 0; i < count; i++) {
            int h = side(height, rng);
            int w = side(width, rng);
            int top = rng.nextInt(height - h + 1);
            int left = rng.nextInt(width - w + 1);
            Shapes.rect(hole, height, width, top, left, h, w);
        }
        return new Mask(height, width, hole);
    }

    private int side(int extent, RandomGenerator rng) {
        double share = minSide == maxSide ? minSide : rng.nextDouble(minSide, maxSide);
        return Math.max(1, Math.min(extent, (int) Math.round(share * extent)));
    }
}
