package org.atelier.evaluation.fidelity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.evaluation.stats.Bootstrap;
import org.atelier.evaluation.stats.MultipleTesting;

/**
 * A table of paired comparisons judged as one family, so that testing many metrics, regions and
 * mask kinds does not declare differences by chance: every p-value is adjusted by Holm's method
 * across the whole table, and each row also gets a simultaneous (Bonferroni) bootstrap interval at
 * level 1 − α/m. A row gets a verdict only when its Holm-adjusted p-value is ≤ α <em>and</em> its
 * simultaneous interval excludes zero; otherwise it reads "no difference shown".
 *
 * <p>The paired t-test is undefined when every per-image difference is the same value (scipy
 * returns NaN): a constant non-zero difference is then counted as p = 0 (no image disagrees) and a
 * constant zero difference as p = 1, so two identical methods are never declared different.
 */
public final class CorrectedComparisons {
    /** Family-wise error rate the verdicts are held to. */
    public static final double ALPHA = 0.05;
    /** Below this many pairs the intervals and p-values are rough; the tables say so. */
    public static final int SMALL_N = 30;

    private CorrectedComparisons() {
    }

    /** Which side a row favours. */
    public enum Verdict {
        A_BETTER, B_BETTER, NONE
    }

    /**
     * One row to test: per-image scores of A and B on the same images.
     *
     * @param key             where the row belongs, e.g. {@code hole} or {@code thick/hole}
     * @param metric          metric name
     * @param higherIsBetter  whether a larger score is better (PSNR, SSIM) or worse (distances)
     */
    public record Row(String key, String metric, boolean higherIsBetter, double[] a, double[] b) {
    }

    /**
     * A row's result.
     *
     * @param comparison the paired comparison at 95 % (interval and unadjusted p)
     * @param pHolm      Holm-adjusted p-value across the family (NaN when no pair was finite)
     * @param simLow     lower end of the simultaneous interval at level 1 − α/m
     * @param simHigh    upper end
     * @param verdict    which side is better, NONE unless both corrections agree
     */
    public record Judged(String key, String metric, PairedComparison comparison, double pHolm, double simLow,
                         double simHigh, Verdict verdict) {
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>(comparison.toJson());
            m.put("p_holm", FidelityReport.jsonNumber(pHolm));
            m.put("simultaneous_interval", new Object[] {FidelityReport.jsonNumber(simLow),
                    FidelityReport.jsonNumber(simHigh)});
            m.put("verdict", verdict.name().toLowerCase(java.util.Locale.ROOT));
            return m;
        }
    }

    /** Judges every row as one family (same seed for every row's bootstrap, so paired rows draw the same images). */
    public static List<Judged> judge(List<Row> rows, int resamples, long seed) {
        List<PairedComparison> comparisons = new ArrayList<>();
        double[] p = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            PairedComparison c = PairedComparison.of(r.a(), r.b(), resamples, seed);
            comparisons.add(c);
            p[i] = testable(c);
        }
        double[] holm = MultipleTesting.adjust(p, MultipleTesting.Method.HOLM);
        long m = java.util.Arrays.stream(p).filter(v -> !Double.isNaN(v)).count();
        double level = 1 - ALPHA / Math.max(1, m);
        List<Judged> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            PairedComparison c = comparisons.get(i);
            double[] sim = simultaneous(r, resamples, seed, level);
            boolean excludes = sim[0] > 0 || sim[1] < 0;
            Verdict v = Verdict.NONE;
            if (holm[i] <= ALPHA && excludes) {
                v = (c.meanDiff() > 0) == r.higherIsBetter() ? Verdict.B_BETTER : Verdict.A_BETTER;
            }
            out.add(new Judged(r.key(), r.metric(), c, holm[i], sim[0], sim[1], v));
        }
        return out;
    }

    /** The p-value entered into the family: see the class comment for the constant-difference cases. */
    private static double testable(PairedComparison c) {
        if (c.n() == 0) {
            return Double.NaN;
        }
        if (Double.isNaN(c.pValue()) && c.n() >= 2) {
            return c.meanDiff() == 0 ? 1 : 0;
        }
        return c.pValue();
    }

    /** The bootstrap interval of the mean difference at {@code level}, from the same draws as the 95 % one. */
    private static double[] simultaneous(Row r, int resamples, long seed, double level) {
        List<Double> d = new ArrayList<>();
        for (int i = 0; i < r.a().length; i++) {
            if (Double.isFinite(r.a()[i]) && Double.isFinite(r.b()[i])) {
                d.add(r.b()[i] - r.a()[i]);
            }
        }
        if (d.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] diffs = d.stream().mapToDouble(Double::doubleValue).toArray();
        Bootstrap.Interval ci = Bootstrap.percentile(Bootstrap.means(diffs, resamples, seed), level);
        return new double[] {ci.low(), ci.high()};
    }
}
