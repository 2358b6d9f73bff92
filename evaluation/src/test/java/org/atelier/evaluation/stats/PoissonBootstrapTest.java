package org.atelier.evaluation.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

class PoissonBootstrapTest {
    /** The inversion returns the smallest k whose Poisson(1) CDF (Commons Math's) exceeds u. */
    @Test
    void inversionMatchesCommonsMathsDistributionFunction() {
        PoissonDistribution p = new PoissonDistribution(1.0);
        for (int i = 0; i < 1000; i++) {
            double u = i / 1000.0 + 0.0003;
            int k = 0;
            while (p.cumulativeProbability(k) <= u) {
                k++;
            }
            assertEquals(k, PoissonBootstrap.poissonOne(u), "u=" + u);
        }
    }

    @Test
    void aRowsWeightsDependOnTheSeedAndTheRowOnly() {
        assertArrayEquals(PoissonBootstrap.weights(3, 41, 50), PoissonBootstrap.weights(3, 41, 50));
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (long row = 0; row < 2000; row++) {
            for (int w : PoissonBootstrap.weights(3, row, 50)) {
                sum += w;
                sq += w * w;
                n++;
            }
        }
        double mean = sum / n;
        assertEquals(1.0, mean, 0.02, "Poisson(1) mean");
        assertEquals(1.0, sq / n - mean * mean, 0.03, "Poisson(1) variance");
    }
}
