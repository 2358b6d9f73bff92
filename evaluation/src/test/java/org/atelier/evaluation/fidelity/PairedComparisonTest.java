package org.atelier.evaluation.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The paired comparison against scipy 1.10.1 on a fixed series (a_i = 15 + 7·sin(0.7·i),
 * b_i = a_i + 0.1 + 0.5·cos(1.3·i), i = 0..63):
 * {@code scipy.stats.ttest_rel(b, a)} → p = 0.01818850789907634 (t = 2.4249722785636805, df 63);
 * {@code scipy.stats.bootstrap((b - a,), np.mean, method='percentile', n_resamples=20000)} over
 * three seeds → [0.02087, 0.19504] … [0.02192, 0.19683], and numpy with 200 000 resamples →
 * [0.02171, 0.19586]. A bootstrap interval is a Monte-Carlo estimate, so its bounds are checked to
 * 0.004 (2 % of the interval's width, several times the spread between scipy's own seeds).
 */
class PairedComparisonTest {
    private static double[][] series() {
        double[] a = new double[64];
        double[] b = new double[64];
        for (int i = 0; i < 64; i++) {
            a[i] = 15 + 7 * Math.sin(i * 0.7);
            b[i] = a[i] + 0.1 + 0.5 * Math.cos(i * 1.3);
        }
        return new double[][] {a, b};
    }

    @Test
    void matchesScipysPairedTTestAndBootstrap() {
        double[][] s = series();
        PairedComparison c = PairedComparison.of(s[0], s[1], 20_000, 1);
        assertEquals(64, c.n());
        assertEquals(0, c.excluded());
        assertEquals(0.10883383573463117, c.meanDiff(), 1e-12);
        assertEquals(c.meanB() - c.meanA(), c.meanDiff(), 1e-12);
        assertEquals(0.01818850789907634, c.pValue(), 1e-10);
        assertEquals(0.02171, c.ciLow(), 0.004);
        assertEquals(0.19586, c.ciHigh(), 0.004);
        assertTrue(c.intervalExcludesZero());
    }

    @Test
    void sameSeedSameIntervalAndSwappingNegates() {
        double[][] s = series();
        PairedComparison one = PairedComparison.of(s[0], s[1], 2000, 7);
        PairedComparison two = PairedComparison.of(s[0], s[1], 2000, 7);
        assertEquals(one, two, "the bootstrap draws from the seed only");
        PairedComparison swapped = PairedComparison.of(s[1], s[0], 2000, 7);
        assertEquals(-one.meanDiff(), swapped.meanDiff(), 1e-12);
        assertEquals(-one.ciHigh(), swapped.ciLow(), 1e-12, "same resamples, mirrored");
        assertEquals(one.pValue(), swapped.pValue(), 1e-12);
    }

    @Test
    void nonFinitePairsAreLeftOutAndCounted() {
        double[] a = {10, 11, Double.POSITIVE_INFINITY, 12, Double.NaN, 13};
        double[] b = {10.5, 11.2, 20, 12.9, 14, 13.1};
        PairedComparison c = PairedComparison.of(a, b, 500, 0);
        assertEquals(4, c.n());
        assertEquals(2, c.excluded());
        assertEquals((0.5 + 0.2 + 0.9 + 0.1) / 4, c.meanDiff(), 1e-12);
    }

    @Test
    void noDifferenceGivesAnIntervalAroundZeroAndNoPValue() {
        double[] a = {1, 2, 3, 4, 5};
        PairedComparison same = PairedComparison.of(a, a.clone(), 500, 0);
        assertEquals(0, same.meanDiff());
        assertFalse(same.intervalExcludesZero());
        assertTrue(Double.isNaN(same.pValue()), "every difference equal: t undefined");
        assertThrows(IllegalArgumentException.class, () -> PairedComparison.of(a, new double[] {1, 2}, 500, 0));
        assertThrows(IllegalArgumentException.class, () -> PairedComparison.of(a, a, 10, 0));
    }
}
