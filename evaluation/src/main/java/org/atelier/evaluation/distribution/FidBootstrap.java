package org.atelier.evaluation.distribution;

import java.util.Arrays;
import org.atelier.evaluation.stats.Bootstrap;

/**
 * A bootstrap interval for FID: the generated features are resampled with replacement (the
 * reference statistics stay fixed, as the reference set is fixed for every model compared), FID
 * is recomputed per replicate, and the <em>basic</em> (reverse-percentile) interval
 * [2·F − q₉₇.₅, 2·F − q₂.₅] is reported.
 *
 * <p>Why the basic interval and not the plain percentile one: FID at N samples is biased upwards
 * by a term of order d/N (Chong &amp; Forsyth 2020), and each bootstrap replicate, drawn at N
 * from the sample, carries about the same bias again on top of F. The percentile interval would
 * therefore sit about two biases above the population value; the basic interval subtracts the
 * replicates' shift, so it aims at the FID between the generator's distribution and the reference
 * statistics (what a very large draw gives). {@code FidBootstrapTest} checks its coverage of that
 * value on Gaussian features. Its lower end may fall below zero when the generator matches the
 * reference; it is then clipped at 0, FID's floor.
 *
 * <p>Cost: one d×d eigen-decomposition and one N·d² accumulation per replicate.
 */
public final class FidBootstrap {
    /** Default replicates: enough for stable 2.5 %/97.5 % quantiles of a smooth statistic. */
    public static final int DEFAULT_RESAMPLES = 200;

    private FidBootstrap() {
    }

    /**
     * @param fid       FID of the full generated set against {@code reference}
     * @param interval  the basic bootstrap interval, low end clipped at 0
     * @param replicateMean mean of the replicates (its distance above {@code fid} estimates the bias)
     */
    public record Result(double fid, Bootstrap.Interval interval, double replicateMean) {
        /** Half the interval's width, the ± a reader quotes. */
        public double halfWidth() {
            return (interval.high() - interval.low()) / 2;
        }
    }

    /**
     * @param generated rows of generated features (N × d), N ≥ 2
     * @param reference prepared reference statistics of the same extractor
     * @param extractor extractor id carried into the statistics
     * @param resamples bootstrap replicates (≥ 20)
     * @param level     e.g. 0.95
     * @param seed      seed of the resampling
     */
    public static Result compute(float[][] generated, FrechetDistance reference, String extractor, int resamples,
                                 double level, long seed) {
        if (generated.length < 2) {
            throw new IllegalArgumentException("a FID interval needs at least 2 generated samples, got "
                    + generated.length);
        }
        if (resamples < 20) {
            throw new IllegalArgumentException("a FID interval needs at least 20 resamples, got " + resamples);
        }
        int d = generated[0].length;
        FeatureStatistics all = new FeatureStatistics(d);
        all.addAll(generated);
        double fid = reference.distanceTo(all.toGaussian(extractor));
        double[] reps = Bootstrap.replicates(generated.length, resamples, seed, idx -> {
            FeatureStatistics s = new FeatureStatistics(d);
            for (int i : idx) {
                s.add(generated[i]);
            }
            return reference.distanceTo(s.toGaussian(extractor));
        });
        Bootstrap.Interval pct = Bootstrap.percentile(reps, level);
        Bootstrap.Interval basic = new Bootstrap.Interval(Math.max(0, 2 * fid - pct.high()),
                Math.max(0, 2 * fid - pct.low()), level, resamples);
        return new Result(fid, basic, Arrays.stream(reps).average().orElse(Double.NaN));
    }
}
