package org.atelier.evaluation.stats;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The seeded percentile bootstrap: resample n items with replacement, recompute a statistic,
 * take the quantiles of the replicates (type-7, numpy's default). The same seed gives the same
 * interval on every machine; the indices are drawn in one fixed order (replicate by replicate,
 * item by item) so that callers that resample paired data draw the same pairs.
 *
 * <p>Written here because Commons Math 3.6 has no bootstrap; the resampling is a loop.
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /** A two-sided interval at {@code level} and the replicates it came from. */
    public record Interval(double low, double high, double level, int resamples) implements java.io.Serializable {
    }

    /**
     * Replicates of a statistic of resampled indices: for each replicate, {@code n} indices drawn
     * uniformly with replacement, handed to {@code statistic}.
     */
    public static double[] replicates(int n, int resamples, long seed, ToDoubleFunction<int[]> statistic) {
        if (n < 1 || resamples < 1) {
            throw new IllegalArgumentException("need n >= 1 and resamples >= 1, got " + n + ", " + resamples);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] out = new double[resamples];
        int[] idx = new int[n];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                idx[i] = rng.nextInt(n);
            }
            out[r] = statistic.applyAsDouble(idx);
        }
        return out;
    }

    /** The mean's replicates. */
    public static double[] means(double[] values, int resamples, long seed) {
        return replicates(values.length, resamples, seed, idx -> {
            double sum = 0;
            for (int i : idx) {
                sum += values[i];
            }
            return sum / idx.length;
        });
    }

    /** The central {@code level} interval of replicates (0.95: the 2.5 % and 97.5 % quantiles). */
    public static Interval percentile(double[] replicates, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        Percentile q = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        q.setData(replicates);
        double tail = (100 - 100 * level) / 2; // written so that 0.95 gives exactly 2.5 and 97.5
        return new Interval(q.evaluate(tail), q.evaluate(100 - tail), level, replicates.length);
    }
}
