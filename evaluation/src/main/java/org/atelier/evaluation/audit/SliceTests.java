package org.atelier.evaluation.audit;

import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
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
            return shares(ones(slice), slice.length, ones(group), group.length);
        }
        if (test == SliceOptions.ValueTest.WELCH) {
            if (slice.length < 2 || group.length < 2) {
                return Double.NaN;
            }
            return new TTest().tTest(slice, group);
        }
        return new MannWhitneyUTest().mannWhitneyUTest(slice, group);
    }

    /**
     * The same tests from merged sums ({@link SliceAggregate}): shares from the counts, as above;
     * means by Welch's t from the slices' means and variances. Mann–Whitney needs the values.
     */
    static double pValue(SliceAggregate.Sums slice, SliceAggregate.Sums group, SliceOptions.Measure measure,
                         SliceOptions.ValueTest test) {
        if (slice.n == 0 || group.n == 0) {
            return Double.NaN;
        }
        if (measure == SliceOptions.Measure.SHARE) {
            // a share's values are 0 and 1, so the float64 sum is the exact count of 1s
            return shares((long) slice.sum, slice.n, (long) group.sum, group.n);
        }
        if (test != SliceOptions.ValueTest.WELCH) {
            throw new IllegalArgumentException(test.id() + " needs every value; sums give Welch's test only");
        }
        if (slice.n < 2 || group.n < 2) {
            return Double.NaN;
        }
        return new TTest().tTest(summary(slice), summary(group));
    }

    private static StatisticalSummaryValues summary(SliceAggregate.Sums s) {
        // min and max are not used by the t-test
        return new StatisticalSummaryValues(s.mean, s.m2 / (s.n - 1), s.n, Double.NaN, Double.NaN, s.sum);
    }

    /** Pearson's χ² of the 2×2 table of 1s and 0s in the slice and in its group. */
    private static double shares(long onesSlice, long nSlice, long onesGroup, long nGroup) {
        long[][] table = {{onesSlice, nSlice - onesSlice}, {onesGroup, nGroup - onesGroup}};
        if (onesSlice + onesGroup == 0 || onesSlice + onesGroup == nSlice + nGroup) {
            return Double.NaN;
        }
        return new ChiSquareTest().chiSquareTest(table);
    }

    private static long ones(double[] v) {
        long n = 0;
        for (double x : v) {
            n += x == 1.0 ? 1 : 0;
        }
        return n;
    }
}
