package org.atelier.datasets.masks;

/**
 * LaMa's three evaluation mask families, with the generator parameters published in the LaMa
 * repository (advimman/lama, Suvorov et al., "Resolution-robust Large Mask Inpainting with
 * Fourier Convolutions", WACV 2022), files {@code configs/data_gen/random_thin_256.yaml},
 * {@code random_medium_256.yaml} and {@code random_thick_256.yaml}:
 *
 * <pre>
 *           irregular strokes                              boxes
 *           min_times max_times max_width max_angle max_len  box_proba margin min  max  min_times max_times
 *  thin         4        50        10        4        40       0        -      -    -      -         -
 *  medium       4         5        50        4       100      0.3       0     10   50      1         5
 *  thick        1         5       100        4       200      0.3      10     30  150      1         3
 * </pre>
 *
 * All three set {@code irregular_proba: 1}, {@code segm_proba: 0}, {@code squares_proba: 0} and
 * {@code max_tamper_area: 0.5}. LaMa's {@code MixedMaskGenerator} normalises the probabilities,
 * so medium and thick masks are boxes with probability 0.3 / 1.3 and strokes otherwise. The
 * values are in pixels of a 256-pixel image; {@link LamaMaskGenerator} scales them.
 */
public enum LamaPreset {
    THIN("thin", new Strokes(4, 50, 10, 4, 40), 0.0, null),
    MEDIUM("medium", new Strokes(4, 5, 50, 4, 100), 0.3, new Boxes(0, 10, 50, 1, 5)),
    THICK("thick", new Strokes(1, 5, 100, 4, 200), 0.3, new Boxes(10, 30, 150, 1, 3));

    /** LaMa's {@code irregular_proba}, the same for all three. */
    public static final double IRREGULAR_PROBABILITY = 1.0;
    /** LaMa's {@code max_tamper_area}: masks with a larger hole share are discarded. */
    public static final double MAX_HOLE_FRACTION = 0.5;
    /** The image side (pixels) the parameters are given for. */
    public static final int REFERENCE_SIDE = 256;

    /**
     * Parameters of LaMa's {@code make_random_irregular_mask} (lengths in pixels at 256 px,
     * angles in radians).
     */
    public record Strokes(int minTimes, int maxTimes, int maxWidth, int maxAngle, int maxLen) {
    }

    /** Parameters of LaMa's {@code make_random_rectangle_mask} (pixels at 256 px). */
    public record Boxes(int margin, int minSize, int maxSize, int minTimes, int maxTimes) {
    }

    private final String kindName;
    private final Strokes strokes;
    private final double boxProbability;
    private final Boxes boxes;

    LamaPreset(String kindName, Strokes strokes, double boxProbability, Boxes boxes) {
        this.kindName = kindName;
        this.strokes = strokes;
        this.boxProbability = boxProbability;
        this.boxes = boxes;
    }

    /** The name users type. */
    public String kindName() {
        return kindName;
    }

    public Strokes strokes() {
        return strokes;
    }

    /** LaMa's un-normalised {@code box_proba} (0 for thin). */
    public double boxProbability() {
        return boxProbability;
    }

    /** Box parameters, or {@code null} when the preset draws no boxes. */
    public Boxes boxes() {
        return boxes;
    }

    /** Probability that one draw is a box mask: box_proba / (irregular_proba + box_proba). */
    public double boxShare() {
        return boxProbability / (IRREGULAR_PROBABILITY + boxProbability);
    }
}
