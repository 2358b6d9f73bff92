package org.atelier.datasets.masks;

import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Scratches as on a damaged print: 1 to {@code count} thin curves, each a quadratic Bézier between
 * two random points of the image with a random control point, traced in
 * short round-capped segments ({@link Shapes#capsule}) of radius {@code width}/2 pixels. Long,
 * thin, gently bent holes: the case where the surrounding pixels tell most of the answer.
 *
 * @param count most curves per mask, ≥ 1
 * @param width line width in pixels, in [0.5, 8]
 */
public record ScratchesMaskGenerator(int count, double width) implements MaskGenerator {
    public static final int DEFAULT_COUNT = 4;
    public static final double DEFAULT_WIDTH = 1.0;
    /** Segments per curve; enough that a 1-px curve across a 256-px image has no gaps. */
    private static final int SEGMENTS = 64;

    public ScratchesMaskGenerator {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        if (!(width >= 0.5 && width <= 8)) {
            throw new IllegalArgumentException("width must be in [0.5, 8] pixels, got " + width);
        }
    }

    public ScratchesMaskGenerator() {
        this(DEFAULT_COUNT, DEFAULT_WIDTH);
    }

    static ScratchesMaskGenerator fromSpec(MaskSpec spec) {
        spec.allowOnly(Set.of("count", "width"));
        return new ScratchesMaskGenerator(spec.integer("count", DEFAULT_COUNT, 1, 100),
                spec.number("width", DEFAULT_WIDTH, 0.5, 8));
    }

    @Override
    public String kind() {
        StringBuilder args = new StringBuilder();
        if (count != DEFAULT_COUNT) {
            args.append(",count=").append(count);
        }
        if (width != DEFAULT_WIDTH) {
            args.append(",width=").append(MaskKinds.format(width));
        }
        return args.length() == 0 ? "scratches" : "scratches:" + args.substring(1);
    }

    @Override
    public Mask generate(int height, int width, RandomGenerator rng) {
        boolean[] hole = new boolean[height * width];
        int curves = 1 + rng.nextInt(count);
        double radius = this.width / 2;
        for (int c = 0; c < curves; c++) {
            double x0 = rng.nextDouble() * (width - 1);
            double y0 = rng.nextDouble() * (height - 1);
            double x2 = rng.nextDouble() * (width - 1);
            double y2 = rng.nextDouble() * (height - 1);
            double x1 = rng.nextDouble() * (width - 1);
            double y1 = rng.nextDouble() * (height - 1);
            double px = x0;
            double py = y0;
            for (int s = 1; s <= SEGMENTS; s++) {
                double t = s / (double) SEGMENTS;
                double u = 1 - t;
                double qx = u * u * x0 + 2 * u * t * x1 + t * t * x2;
                double qy = u * u * y0 + 2 * u * t * y1 + t * t * y2;
                Shapes.capsule(hole, height, width, px, py, qx, qy, radius);
                px = qx;
                py = qy;
            }
        }
        return new Mask(height, width, hole);
    }
}
