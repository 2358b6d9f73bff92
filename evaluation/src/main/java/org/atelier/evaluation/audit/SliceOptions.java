package org.atelier.evaluation.audit;

import org.atelier.core.errors.InvalidSettingException;
import org.atelier.evaluation.stats.MultipleTesting;

/**
 * How a {@link SliceFrame} estimates, compares and flags slices.
 *
 * @param measure        what the value is: a mean of any number, or a share of 0/1 outcomes;
 *                       {@link Measure#AUTO} takes a share when every value is 0 or 1
 * @param reference      what each slice is compared with: the overall value or one slice
 * @param bootstrap      resamples of the percentile bootstrap for means (at least 100)
 * @param seed           the run's seed; each slice's resamples derive from it and the slice's name
 * @param minSize        slices with fewer samples are reported "too small" and not estimated
 * @param level          confidence level of every interval, in (0, 1)
 * @param valueTest      the test of a slice's values against its comparison group (means only;
 *                       shares use χ²)
 * @param correction     the adjustment of p-values across every comparison in the frame
 * @param disparityLow   a slice whose ratio to the reference falls below this is flagged
 * @param disparityHigh  … or rises above this (Aequitas' default band is [0.8, 1.25])
 */
public record SliceOptions(Measure measure, Reference reference, int bootstrap, long seed, int minSize, double level,
                           ValueTest valueTest, MultipleTesting.Method correction, double disparityLow,
                           double disparityHigh) {
    public static final int DEFAULT_BOOTSTRAP = 2000;
    public static final int DEFAULT_MIN_SIZE = 20;
    public static final double DEFAULT_LEVEL = 0.95;
    public static final double DEFAULT_DISPARITY_LOW = 0.8;
    public static final double DEFAULT_DISPARITY_HIGH = 1.25;

    /** Whether values are averaged as numbers or counted as 0/1 outcomes. */
    public enum Measure { AUTO, MEAN, SHARE }

    /** Two-sample tests for means: rank-based (no normality assumed) or Welch's unequal-variance t. */
    public enum ValueTest {
        MANN_WHITNEY("mann-whitney"), WELCH("welch");

        private final String id;

        ValueTest(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static ValueTest parse(String s) {
            for (ValueTest t : values()) {
                if (t.id.equalsIgnoreCase(s)) {
                    return t;
                }
            }
            throw new InvalidSettingException("test", "must be mann-whitney or welch, got '" + s + "'");
        }
    }

    /**
     * What slices are compared with: {@code slice == null} means the overall value (Fairlearn's
     * {@code to_overall}); otherwise the slice of that name.
     */
    public record Reference(String slice) {
        public static final Reference OVERALL = new Reference(null);

        public boolean overall() {
            return slice == null;
        }

        @Override
        public String toString() {
            return overall() ? "overall" : slice;
        }
    }

    public SliceOptions {
        if (bootstrap < 100) {
            throw new InvalidSettingException("bootstrap", "must be at least 100 resamples, got " + bootstrap);
        }
        if (minSize < 1) {
            throw new InvalidSettingException("min_size", "must be at least 1, got " + minSize);
        }
        if (!(level > 0 && level < 1)) {
            throw new InvalidSettingException("level", "must be in (0, 1), got " + level);
        }
        if (!(disparityLow > 0 && disparityLow <= 1 && disparityHigh >= 1 && Double.isFinite(disparityHigh))) {
            throw new InvalidSettingException("disparity", "band must have 0 < low <= 1 <= high, got ["
                    + disparityLow + ", " + disparityHigh + "]");
        }
    }

    /** Defaults: auto measure, overall reference, 2000 resamples, min size 20, 95 %, Mann–Whitney, Holm, [0.8, 1.25]. */
    public static SliceOptions defaults(long seed) {
        return new SliceOptions(Measure.AUTO, Reference.OVERALL, DEFAULT_BOOTSTRAP, seed, DEFAULT_MIN_SIZE, DEFAULT_LEVEL,
                ValueTest.MANN_WHITNEY, MultipleTesting.Method.HOLM, DEFAULT_DISPARITY_LOW, DEFAULT_DISPARITY_HIGH);
    }

    public SliceOptions withMeasure(Measure m) {
        return new SliceOptions(m, reference, bootstrap, seed, minSize, level, valueTest, correction, disparityLow, disparityHigh);
    }

    public SliceOptions withReference(Reference r) {
        return new SliceOptions(measure, r, bootstrap, seed, minSize, level, valueTest, correction, disparityLow, disparityHigh);
    }

    public SliceOptions withMinSize(int m) {
        return new SliceOptions(measure, reference, bootstrap, seed, m, level, valueTest, correction, disparityLow, disparityHigh);
    }

    public SliceOptions withBootstrap(int b) {
        return new SliceOptions(measure, reference, b, seed, minSize, level, valueTest, correction, disparityLow, disparityHigh);
    }

    public SliceOptions withTests(ValueTest t, MultipleTesting.Method c) {
        return new SliceOptions(measure, reference, bootstrap, seed, minSize, level, t, c, disparityLow, disparityHigh);
    }

    public SliceOptions withDisparity(double low, double high) {
        return new SliceOptions(measure, reference, bootstrap, seed, minSize, level, valueTest, correction, low, high);
    }
}
