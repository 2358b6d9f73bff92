package org.atelier.evaluation.fidelity;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;
import org.atelier.evaluation.stats.Bootstrap;

/**
 * Two methods scored on the same images (same masks): the mean per-image difference B − A with a
 * bootstrap 95 % interval and a paired t-test. Pairing removes the spread between images, which
 * dwarfs the difference between two good methods (hole PSNR varies by ±7 dB across images while
 * two checkpoints differ by a fraction of a dB), so an unpaired "mean ± std" overlap says nothing.
 *
 * <p>The interval is the percentile bootstrap of the mean difference (resampling images with
 * replacement, type-7 quantiles as numpy's default), from the caller's seed, so the same seed gives
 * the same interval. The p-value is the two-sided paired t-test (as scipy's {@code ttest_rel});
 * with a hundred or more images the mean difference is close to normal even when the per-image
 * differences are not. Both are checked against scipy ({@code PairedComparisonTest}). Wilcoxon's
 * signed-rank test is not offered: its p-value depends on conventions (zero differences, ties,
 * continuity correction, exact or normal) that differ between implementations, and a p-value the
 * reader cannot match to a published one helps nobody.
 *
 * <p>Pairs where either score is NaN or infinite (an empty region; PSNR of an identical region)
 * are left out and counted.
 *
 * @param n          pairs used
 * @param excluded   pairs left out (NaN or infinite on either side)
 * @param meanA      mean of A over the pairs used
 * @param meanB      mean of B over the pairs used
 * @param meanDiff   mean of B − A
 * @param ciLow      2.5 % bootstrap quantile of the mean difference
 * @param ciHigh     97.5 % bootstrap quantile of the mean difference
 * @param pValue     two-sided paired t-test; NaN with fewer than 2 pairs or no variation
 * @param resamples  bootstrap resamples drawn
 */
public record PairedComparison(int n, int excluded, double meanA, double meanB, double meanDiff, double ciLow,
                               double ciHigh, double pValue, int resamples) {

    /** Compares {@code b} against {@code a}, element by element. */
    public static PairedComparison of(double[] a, double[] b, int resamples, long seed) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " scores against " + b.length + ": not paired");
        }
        if (resamples < 100) {
            throw new IllegalArgumentException("at least 100 bootstrap resamples are needed, got " + resamples);
        }
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            n += Double.isFinite(a[i]) && Double.isFinite(b[i]) ? 1 : 0;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        double[] d = new double[n];
        int k = 0;
        for (int i = 0; i < a.length; i++) {
            if (Double.isFinite(a[i]) && Double.isFinite(b[i])) {
                x[k] = a[i];
                y[k] = b[i];
                d[k] = b[i] - a[i];
                k++;
            }
        }
        if (n == 0) {
            return new PairedComparison(0, a.length, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, resamples);
        }
        Bootstrap.Interval ci = Bootstrap.percentile(Bootstrap.means(d, resamples, seed), 0.95);
        return new PairedComparison(n, a.length - n, StatUtils.mean(x), StatUtils.mean(y), StatUtils.mean(d),
                ci.low(), ci.high(), pValue(x, y, d), resamples);
    }

    /** Whether the interval excludes zero (the difference is not explained by which images were drawn). */
    public boolean intervalExcludesZero() {
        return ciLow > 0 || ciHigh < 0;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("excluded", excluded);
        m.put("mean_a", FidelityReport.jsonNumber(meanA));
        m.put("mean_b", FidelityReport.jsonNumber(meanB));
        m.put("mean_b_minus_a", FidelityReport.jsonNumber(meanDiff));
        m.put("ci95_bootstrap", new Object[] {FidelityReport.jsonNumber(ciLow), FidelityReport.jsonNumber(ciHigh)});
        m.put("p_paired_t", FidelityReport.jsonNumber(pValue));
        m.put("resamples", resamples);
        return m;
    }

    private static double pValue(double[] x, double[] y, double[] d) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double first = d[0];
        for (double v : d) {
            if (v != first) {
                return new TTest().pairedTTest(y, x);
            }
        }
        return Double.NaN; // every difference equal: the t statistic is undefined
    }
}
