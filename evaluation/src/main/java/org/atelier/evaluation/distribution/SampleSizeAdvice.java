package org.atelier.evaluation.distribution;

import java.util.Locale;
import java.util.Optional;

/**
 * What a reader needs to know about N before trusting a distribution metric: whether FID is
 * computed below the extractor's dimension (its covariance estimate is then rank-deficient and FID
 * is biased upwards by a large, N-dependent amount, so two models scored at different N, or at
 * small N, cannot be ranked by it), and how many samples an interval would need to separate two
 * values.
 *
 * <p>"N needed" assumes the interval's half-width shrinks as 1/√N (the usual rate of a smooth
 * statistic of N independent samples): two intervals of half-widths h₁, h₂ at N stop overlapping
 * once (h₁ + h₂)·√(N/N′) &lt; |Δ|, i.e. at N′ = N·((h₁ + h₂)/|Δ|)². It is an estimate, not a promise:
 * FID's bias also shrinks with N, which moves both values.
 */
public final class SampleSizeAdvice {
    private SampleSizeAdvice() {
    }

    /** The warning printed when FID is computed on fewer samples than the features have dimensions. */
    public static Optional<String> smallN(long n, int dimension) {
        if (n >= dimension) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "N = %d is below the extractor's dimension (%d): FID is strongly "
                + "biased upwards at this N (a rank-deficient covariance); read FID∞ and KID instead, or generate at "
                + "least %d samples", n, dimension, dimension));
    }

    /**
     * Samples per set at which two intervals of the given half-widths (measured at {@code n}) would
     * separate a difference {@code delta}; {@code Long.MAX_VALUE} when delta is 0 or not finite.
     */
    public static long needed(long n, double halfWidthA, double halfWidthB, double delta) {
        double d = Math.abs(delta);
        if (!(d > 0) || !Double.isFinite(d) || !Double.isFinite(halfWidthA + halfWidthB)) {
            return Long.MAX_VALUE;
        }
        double ratio = (halfWidthA + halfWidthB) / d;
        return (long) Math.ceil(n * ratio * ratio);
    }

    /** The "N needed" sentence for one metric's interval: the N at which it would resolve {@code delta}. */
    public static String neededLine(String metric, long n, double halfWidth, double delta) {
        long need = needed(n, halfWidth, halfWidth, delta); // the other model's interval taken as wide
        return String.format(Locale.ROOT, "N needed: at N = %d the %s interval is ±%.3g; to tell apart two models "
                + "%.3g apart (10 %% of this value) each needs about N = %s", n, metric, halfWidth, Math.abs(delta),
                need == Long.MAX_VALUE ? "∞" : Long.toString(Math.max(need, 2)));
    }
}
