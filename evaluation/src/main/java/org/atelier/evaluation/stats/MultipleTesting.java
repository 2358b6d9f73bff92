package org.atelier.evaluation.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Adjusted p-values for a family of tests, so that a table of many comparisons does not declare
 * differences by chance: Holm's step-down method (controls the family-wise error rate, valid under
 * any dependence) and Benjamini–Hochberg's step-up method (controls the false discovery rate under
 * independence or positive dependence). The adjusted values equal statsmodels'
 * {@code multipletests(p, method="holm" | "fdr_bh")} ({@code MultipleTestingTest}); a test rejects at
 * level α when its adjusted p-value is ≤ α.
 *
 * <p>Written here because Commons Math 3.6 has no multiple-comparison procedures; each is a few
 * lines over a sorted order.
 */
public final class MultipleTesting {
    private MultipleTesting() {
    }

    /** The correction to apply across a family of tests. */
    public enum Method {
        HOLM("holm"), BENJAMINI_HOCHBERG("bh");

        private final String id;

        Method(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** @throws IllegalArgumentException for a name other than {@code holm} or {@code bh} */
        public static Method parse(String s) {
            for (Method m : values()) {
                if (m.id.equalsIgnoreCase(s)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown correction '" + s + "'; expected holm or bh");
        }
    }

    /**
     * Adjusted p-values in the order given. NaN entries (tests that could not be run) stay NaN and
     * do not count towards the family's size.
     */
    public static double[] adjust(double[] p, Method method) {
        int[] valid = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).toArray();
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        int m = valid.length;
        Integer[] order = Arrays.stream(valid).boxed().sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        if (method == Method.HOLM) {
            double running = 0;
            for (int k = 0; k < m; k++) {
                running = Math.max(running, Math.min(1, (m - k) * p[order[k]]));
                out[order[k]] = running;
            }
        } else {
            double running = 1;
            for (int k = m - 1; k >= 0; k--) {
                running = Math.min(running, Math.min(1, p[order[k]] * m / (k + 1)));
                out[order[k]] = running;
            }
        }
        return out;
    }
}
