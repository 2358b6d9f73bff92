package org.atelier.evaluation.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MultipleTestingTest {
    private static final double[] P = {0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.5, 0.001, 0.049, 0.3};

    @Test
    void holmEqualsStatsmodels() {
        // evaluation/src/test/python/multipletests_vectors.py, statsmodels 0.13.5, method="holm"
        double[] expected = {0.08, 0.24, 0.21, 0.045, 0.6, 0.24, 0.6, 0.01, 0.24, 0.6};
        assertArrayEquals(expected, MultipleTesting.adjust(P, MultipleTesting.Method.HOLM), 1e-12);
    }

    @Test
    void benjaminiHochbergEqualsStatsmodels() {
        // the same script, method="fdr_bh"
        double[] expected = {0.0333333333333333, 0.0666666666666667, 0.0666666666666667, 0.025, 0.25,
                0.0666666666666667, 0.5, 0.01, 0.07, 0.333333333333333};
        assertArrayEquals(expected, MultipleTesting.adjust(P, MultipleTesting.Method.BENJAMINI_HOCHBERG), 1e-12);
    }

    @Test
    void testsThatCouldNotRunStayNanAndDoNotCount() {
        double[] p = {0.01, Double.NaN, 0.04};
        double[] holm = MultipleTesting.adjust(p, MultipleTesting.Method.HOLM);
        assertEquals(0.02, holm[0], 1e-15); // a family of two, not three
        assertTrue(Double.isNaN(holm[1]));
        assertEquals(0.04, holm[2], 1e-15);
    }

    @Test
    void methodsParseByTheirShortNames() {
        assertEquals(MultipleTesting.Method.HOLM, MultipleTesting.Method.parse("Holm"));
        assertEquals(MultipleTesting.Method.BENJAMINI_HOCHBERG, MultipleTesting.Method.parse("bh"));
        assertThrows(IllegalArgumentException.class, () -> MultipleTesting.Method.parse("bonferroni"));
    }
}
