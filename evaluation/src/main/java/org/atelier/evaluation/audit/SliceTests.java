package org.atelier.evaluation.audit;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The two-sided p-value of one slice against its comparison group, by Commons Math:
 * <ul>
 *   <li>shares: Pearson's χ² test of the 2×2 table (slice/group × 1/0), without Yates' correction
 *       (scipy's {@code chi2_contingency(…, correction=False)});</li>
 *   <li>means: Mann–Whitney U with the normal approximation and no continuity correction (equal to
 *       scipy's asymptotic test when there are no ties; Commons Math does not correct the variance
 *       for ties), or Welch's unequal-variance t-test.</li>
 * </ul>
 * NaN when a test cannot run: a group of fewer than 2 (t-test), or a share table with an empty
 * row or column (every sample 0, or every sample 1).
 */
final class SliceTests {
    private SliceTests() {
    }

    static double pValue(double[] slice, double[] group, SliceOptions.Measure measure, SliceOptions.ValueTest test) {
        if (slice.length == 0 || group.length == 0) {
            return Double.NaN;
        }
        if (measure == SliceOptions.Measure.SHARE) {
            long a = ones(slice);
            long b = ones(group);
            long[][] table = {{a, slice.length - a}, {b, group.length - b}};
            if (a + b == 0 || a + b == slice.length + group.length) {
                return Double.NaN;
            }
            return new ChiSquareTest().chiSquareTest(table);
        }
        if (test == SliceOptions.ValueTest.WELCH) {
            if (slice.length < 2 || group.length < 2) {
                return Double.NaN;
            }
            return new TTest().tTest(slice, group);
        }
        return new MannWhitneyUTest().mannWhitneyUTest(slice, group);
    }

    private static long ones(double[] v) {
        long n = 0;
        for (double x : v) {
            n += x == 1.0 ? 1 : 0;
        }
        return n;
    }
}
