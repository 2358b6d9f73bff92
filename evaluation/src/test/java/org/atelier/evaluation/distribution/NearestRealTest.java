package org.atelier.evaluation.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.atelier.core.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

class NearestRealTest {
    @Test
    void equalsTheDistanceToTheNearestRealRowFoundByBruteForce() {
        SplittableRandom rng = new SplittableRandom(3);
        float[][] real = rows(rng, 70, 12);
        float[][] generated = rows(rng, 40, 12);
        double[] got = NearestReal.distances(real, generated);
        for (int j = 0; j < generated.length; j++) {
            double best = Double.POSITIVE_INFINITY;
            for (float[] r : real) {
                double s = 0;
                for (int d = 0; d < r.length; d++) {
                    s += (r[d] - generated[j][d]) * (double) (r[d] - generated[j][d]);
                }
                best = Math.min(best, Math.sqrt(s));
            }
            // ‖x‖² + ‖y‖² − 2xᵀy through ND4J's gemm: relative errors of a few 1e-9 were seen
            assertEquals(best, got[j], 1e-6 * Math.max(1, best), "row " + j);
        }
    }

    @Test
    void smallHandCase() {
        float[][] real = {{0, 0}, {3, 4}, {10, 0}};
        float[][] generated = {{3, 4}, {0, 1}, {6, 8}};
        assertArrayEquals(new double[]{0, 1, 5}, NearestReal.distances(real, generated), 1e-6);
    }

    @Test
    void refusesMismatchedDimensionsAndEmptySets() {
        assertThrows(InvalidInputException.class, () -> NearestReal.distances(new float[][]{{1, 2}}, new float[][]{{1}}));
        assertThrows(InvalidInputException.class, () -> NearestReal.distances(new float[0][], new float[][]{{1}}));
    }

    private static float[][] rows(SplittableRandom rng, int n, int d) {
        float[][] out = new float[n][d];
        for (float[] row : out) {
            for (int k = 0; k < d; k++) {
                row[k] = (float) (rng.nextGaussian() * 2);
            }
        }
        return out;
    }
}
