package org.atelier.datasets.masks;

import java.util.Set;
import java.util.random.RandomGenerator;
import org.atelier.core.errors.InvalidInputException;

/**
 * LaMa's irregular evaluation masks ({@code thin}, {@code medium}, {@code thick}): random walks
 * of thick line segments, and for medium/thick sometimes a few random boxes instead, with the
 * parameters of {@link LamaPreset}. An own implementation of the algorithm of LaMa's
 * {@code saicinpainting/training/data/masks.py} ({@code make_random_irregular_mask},
 * {@code make_random_rectangle_mask}, {@code MixedMaskGenerator}) as run by
 * {@code bin/gen_mask_dataset.py}; random numbers come from the caller's generator, so the
 * masks are LaMa-like in distribution, not LaMa's files pixel for pixel.
 *
 * <p>One stroke mask (sizes in pixels at 256 px, integers uniform with both ends included):
 * <ol>
 *   <li>number of strokes in [min_times, max_times + 1] — LaMa's generator, called without a
 *       training iteration, raises its upper bound by one ({@code cur_max_times = min_times + 1
 *       + (max_times - min_times)}), and we keep that;</li>
 *   <li>each stroke starts at a uniform pixel and takes 1..5 segments; each segment has angle
 *       0.01 + {0..max_angle-1} radians (mirrored to 2π − angle on even-numbered strokes),
 *       length 10 + {0..max_len-1}, brush width 5 + {0..max_width-1}; its end
 *       (start + length·(sin, cos) of the angle, truncated to whole pixels) is clipped to
 *       [0, width] × [0, height] and is the next segment's start;</li>
 *   <li>each segment is drawn as a line of that width with round ends (OpenCV's thick line),
 *       so joints are discs — see {@link Shapes#capsule}.</li>
 * </ol>
 * One box mask: min_times..max_times boxes, each with width and height uniform in
 * [min_size, min(max_size, short side − 2·margin − 1)], placed uniformly so that it stays
 * {@code margin} pixels away from the borders; boxes may overlap.
 *
 * <p><b>Scaling.</b> LaMa's values are for 256 px. At another size every length (segment
 * length, brush width, box sizes, margin) is multiplied by {@code s = min(height, width) / 256}
 * (LaMa resizes images so their short side is 256 before drawing); counts and angles are not
 * scaled. Brushes are at least 1 px wide and boxes at least 1 px, so strokes stay connected at
 * 28 px.
 *
 * <p><b>Hole area.</b> LaMa's {@code gen_mask_dataset.py} draws {@code variants_n = 5} masks per
 * image, discards those whose hole share exceeds {@code max_tamper_area = 0.5}, keeps one at
 * random and retries the image (up to 10 times) if none is left. The equivalent here: draw
 * again from the same generator until the hole share is at most {@code maxHoleFraction}, giving
 * up with an {@link InvalidInputException} after {@value #MAX_ATTEMPTS} draws (only for images
 * a few pixels wide, where almost any stroke covers half the image).
 *
 * @param preset          which of LaMa's three families
 * @param maxHoleFraction largest accepted hole share, in (0, 1]; LaMa's is 0.5
 */
public record LamaMaskGenerator(LamaPreset preset, double maxHoleFraction) implements MaskGenerator {
    static final int MAX_ATTEMPTS = 1000;
    /** LaMa draws 1 + randint(5) segments per stroke. */
    private static final int MAX_SEGMENTS = 5;
    /** LaMa adds 10 px to every segment length and 5 px to every brush width. */
    private static final int MIN_LENGTH = 10;
    private static final int MIN_WIDTH = 5;

    public LamaMaskGenerator {
        if (preset == null) {
            throw new IllegalArgumentException("preset is required");
        }
        if (!(maxHoleFraction > 0 && maxHoleFraction <= 1)) {
            throw new IllegalArgumentException("maxHoleFraction must be in (0, 1], got " + maxHoleFraction);
        }
    }

    /** With LaMa's 50 % ceiling. */
    public LamaMaskGenerator(LamaPreset preset) {
        this(preset, LamaPreset.MAX_HOLE_FRACTION);
    }

    static LamaMaskGenerator fromSpec(MaskSpec spec, LamaPreset preset) {
        spec.allowOnly(Set.of("max-area"));
        return new LamaMaskGenerator(preset, spec.number("max-area", LamaPreset.MAX_HOLE_FRACTION, 0.01, 1.0));
    }

    /** {@code thin}, {@code medium}, {@code thick}, with {@code :max-area=…} when not 0.5. */
    @Override
    public String kind() {
        return maxHoleFraction == LamaPreset.MAX_HOLE_FRACTION ? preset.kindName()
                : preset.kindName() + ":max-area=" + MaskKinds.format(maxHoleFraction);
    }

    @Override
    public Mask generate(int height, int width, RandomGenerator rng) {
        double limit = maxHoleFraction * height * width;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            boolean[] hole = drawOnce(height, width, rng);
            int n = 0;
            for (boolean b : hole) {
                n += b ? 1 : 0;
            }
            if (n <= limit) {
                return new Mask(height, width, hole);
            }
        }
        throw new InvalidInputException("mask kind '" + kind() + "': no mask with at most "
                + MaskKinds.format(100 * maxHoleFraction) + "% hole in " + MAX_ATTEMPTS + " draws at " + width + "x"
                + height + " pixels; the image is too small for this kind");
    }

    /** One draw of LaMa's mixed generator: boxes with probability {@link LamaPreset#boxShare()}, else strokes. */
    boolean[] drawOnce(int height, int width, RandomGenerator rng) {
        boolean[] hole = new boolean[height * width];
        double scale = Math.min(height, width) / (double) LamaPreset.REFERENCE_SIDE;
        if (preset.boxes() != null && rng.nextDouble() < preset.boxShare()) {
            drawBoxes(hole, height, width, scale, rng);
        } else {
            drawStrokes(hole, height, width, scale, rng);
        }
        return hole;
    }

    private void drawStrokes(boolean[] hole, int height, int width, double scale, RandomGenerator rng) {
        LamaPreset.Strokes p = preset.strokes();
        int times = rng.nextInt(p.minTimes(), p.maxTimes() + 2);
        for (int i = 0; i < times; i++) {
            int x = rng.nextInt(width);
            int y = rng.nextInt(height);
            int segments = 1 + rng.nextInt(MAX_SEGMENTS);
            for (int j = 0; j < segments; j++) {
                double angle = 0.01 + rng.nextInt(p.maxAngle());
                if (i % 2 == 0) {
                    angle = 2 * Math.PI - angle;
                }
                double length = (MIN_LENGTH + rng.nextInt(p.maxLen())) * scale;
                double brush = Math.max(1.0, (MIN_WIDTH + rng.nextInt(p.maxWidth())) * scale);
                // (int) truncates toward zero like LaMa's astype(np.int32); the clip bound is the
                // side itself, so an end may sit one pixel outside the image, as in LaMa.
                int endX = clamp((int) (x + length * Math.sin(angle)), 0, width);
                int endY = clamp((int) (y + length * Math.cos(angle)), 0, height);
                Shapes.capsule(hole, height, width, x, y, endX, endY, brush / 2);
                x = endX;
                y = endY;
            }
        }
    }

    private void drawBoxes(boolean[] hole, int height, int width, double scale, RandomGenerator rng) {
        LamaPreset.Boxes p = preset.boxes();
        int side = Math.min(height, width);
        int margin = Math.min((int) Math.round(p.margin() * scale), (side - 1) / 2);
        int minSize = Math.max(1, (int) Math.round(p.minSize() * scale));
        // LaMa's randint(min, min(max + 1, side - 2 * margin)) has this inclusive upper end.
        int maxSize = Math.min((int) Math.round(p.maxSize() * scale), side - 2 * margin - 1);
        maxSize = Math.max(1, maxSize);
        minSize = Math.min(minSize, maxSize);
        int times = rng.nextInt(p.minTimes(), p.maxTimes() + 1);
        for (int i = 0; i < times; i++) {
            int boxWidth = rng.nextInt(minSize, maxSize + 1);
            int boxHeight = rng.nextInt(minSize, maxSize + 1);
            int left = rng.nextInt(margin, Math.max(margin, width - margin - boxWidth) + 1);
            int top = rng.nextInt(margin, Math.max(margin, height - margin - boxHeight) + 1);
            Shapes.rect(hole, height, width, top, left, boxHeight, boxWidth);
        }
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
