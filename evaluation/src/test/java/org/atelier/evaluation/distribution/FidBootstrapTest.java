package org.atelier.evaluation.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FidBootstrapTest {
    private static final int D = 8;

    /** The generator: N(mu, diag(scale²)), whose FID against the reference statistics is known exactly. */
    private static final double[] MU = {0.3, -0.2, 0.1, 0, 0.25, 0, -0.1, 0.2};
    private static final double[] SCALE = {1.2, 0.9, 1, 1.1, 0.8, 1, 1.3, 1};

    private static float[][] draw(int n, SplittableRandom rng) {
        float[][] x = new float[n][D];
        for (float[] row : x) {
            for (int j = 0; j < D; j++) {
                row[j] = (float) (MU[j] + SCALE[j] * rng.nextGaussian());
            }
        }
        return x;
    }

    /** The population FID: the generator's exact mean and covariance against the fixed reference. */
    private static double populationFid(FrechetDistance reference) {
        double[] cov = new double[D * D];
        for (int j = 0; j < D; j++) {
            cov[j * D + j] = SCALE[j] * SCALE[j];
        }
        return reference.distanceTo(new GaussianStatistics("g", Long.MAX_VALUE, MU.clone(), cov));
    }

    @Test
    void basicIntervalCoversThePopulationFidAtAboutTheNominalRate() {
        FrechetDistance reference = FrechetDistance.prepare(TestData.stats(TestData.gaussian(20_000, D, 0, 1), "g"));
        double truth = populationFid(reference);
        // and a large draw agrees with the exact value, so "large-draw FID" and "population FID" are one target
        double large = reference.distanceTo(TestData.stats(draw(200_000, new SplittableRandom(99)), "g"));
        assertEquals(truth, large, 0.01);

        SplittableRandom rng = new SplittableRandom(7);
        int trials = 120;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            FidBootstrap.Result r = FidBootstrap.compute(draw(150, rng), reference, "g", 100, 0.95, t);
            if (r.interval().low() <= large && large <= r.interval().high()) {
                covered++;
            }
        }
        double rate = covered / (double) trials;
        // binomial sd at 0.95 and 120 trials is 2 points; the bootstrap itself is approximate at N = 150.
        assertTrue(rate >= 0.87 && rate < 1.0, "coverage " + rate);
    }

    @Test
    void sameSeedSameIntervalAndFidIsThePointEstimate() {
        FrechetDistance reference = FrechetDistance.prepare(TestData.stats(TestData.gaussian(2000, D, 0, 1), "g"));
        float[][] x = draw(120, new SplittableRandom(3));
        FidBootstrap.Result a = FidBootstrap.compute(x, reference, "g", 50, 0.95, 11);
        FidBootstrap.Result b = FidBootstrap.compute(x, reference, "g", 50, 0.95, 11);
        assertEquals(a.interval(), b.interval());
        assertEquals(reference.distanceTo(TestData.stats(x, "g")), a.fid(), 1e-9);
        assertTrue(a.replicateMean() > a.fid(), "replicates carry FID's small-sample bias upwards");
    }
}
