package org.atelier.evaluation.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    @Test
    void theSameSeedGivesTheSameReplicates() {
        double[] v = {1, 2, 3, 4, 5, 6, 7};
        assertArrayEquals(Bootstrap.means(v, 200, 5), Bootstrap.means(v, 200, 5), 0);
        assertTrue(Bootstrap.means(v, 200, 5)[0] != Bootstrap.means(v, 200, 6)[0]
                || Bootstrap.means(v, 200, 5)[1] != Bootstrap.means(v, 200, 6)[1]);
    }

    @Test
    void percentileIsNumpysDefaultQuantile() {
        // numpy.percentile([1, 2, 3, 4], [2.5, 97.5]) with its default linear method: 1.075, 3.925
        Bootstrap.Interval i = Bootstrap.percentile(new double[] {4, 1, 3, 2}, 0.95);
        assertEquals(1.075, i.low(), 1e-12);
        assertEquals(3.925, i.high(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.percentile(new double[] {1}, 1.0));
    }

    @Test
    void theMeansIntervalCoversTheTrueMeanAtAboutTheNominalRate() {
        // 400 samples of 60 draws from an exponential of mean 1: a skewed case where the
        // percentile interval is known to be a little narrow, so accept 0.90..0.98
        SplittableRandom rng = new SplittableRandom(42);
        int covered = 0;
        int trials = 400;
        for (int t = 0; t < trials; t++) {
            double[] x = new double[60];
            for (int i = 0; i < x.length; i++) {
                x[i] = -Math.log(1 - rng.nextDouble());
            }
            Bootstrap.Interval ci = Bootstrap.percentile(Bootstrap.means(x, 500, t), 0.95);
            if (ci.low() <= 1 && 1 <= ci.high()) {
                covered++;
            }
        }
        double rate = covered / (double) trials;
        assertTrue(rate > 0.90 && rate < 0.98, "coverage " + rate);
    }
}
