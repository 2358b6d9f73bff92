package org.atelier.evaluation.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.atelier.core.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

    private static double[] identity(int d) {
        double[] m = new double[d * d];
        for (int i = 0; i < d; i++) {
            m[i * d + i] = 1;
        }
        return m;
    }

    /** The published value: μ₁ = 0, μ₂ = 1, Σ₁ = Σ₂ = I in 2048-d gives FID = 2048. */
    @Test
    void unitShiftOfIdentityCovarianceIn2048DimensionsIs2048() {
        int d = 2048;
        double[] ones = new double[d];
        java.util.Arrays.fill(ones, 1.0);
        GaussianStatistics a = new GaussianStatistics("x", 10, new double[d], identity(d));
        GaussianStatistics b = new GaussianStatistics("x", 10, ones, identity(d));
        // Commons Math's solver: it skips the zero Householder work of an identity (well under a second),
        // where LAPACK's drivers spend their full O(d³) at d = 2048; the solvers are cross-checked below
        assertEquals(2048.0, FrechetDistance.prepare(b, SymmetricEigen.COMMONS_MATH).distanceTo(a), 1e-6);
    }

    @Test
    void theThreeSolversAgree() {
        GaussianStatistics a = TestData.stats(TestData.gaussian(300, 64, 0.1, 5), "x");
        float[][] y = TestData.gaussian(200, 64, 0.0, 6);
        for (float[] row : y) {
            row[3] = 0f; // a dead unit: singular covariance
            row[7] = 2 * row[8];
        }
        GaussianStatistics b = TestData.stats(y, "x");
        double lapack = FrechetDistance.prepare(b, SymmetricEigen.LAPACK).distanceTo(a);
        double lapackQr = FrechetDistance.prepare(b, SymmetricEigen.LAPACK_QR).distanceTo(a);
        double commons = FrechetDistance.prepare(b, SymmetricEigen.COMMONS_MATH).distanceTo(a);
        // two zero eigenvalues: rounding noise near 1e-14 becomes ~1e-7 after the square root
        assertEquals(commons, lapack, 3e-7);
        assertEquals(commons, lapackQr, 3e-7);
        assertEquals(lapack, FrechetDistance.prepare(a).distanceTo(b), 3e-7);
    }

    @Test
    void identicalSetsGiveZero() {
        GaussianStatistics a = TestData.stats(TestData.gaussian(400, 16, 0.3, 1), "x");
        assertEquals(0.0, FrechetDistance.between(a, a), 1e-9);
    }

    /** Shifting every vector by c leaves Σ unchanged, so FID = ‖c‖² exactly. */
    @Test
    void shiftedSetGivesTheSquaredShift() {
        float[][] x = TestData.gaussian(400, 16, 0.0, 2);
        float[] c = new float[16];
        float[][] y = new float[x.length][16];
        double norm2 = 0;
        for (int j = 0; j < 16; j++) {
            c[j] = 0.25f * (j % 5) - 0.5f;
            norm2 += c[j] * c[j];
        }
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 16; j++) {
                y[i][j] = x[i][j] + c[j];
            }
        }
        double fid = FrechetDistance.between(TestData.stats(x, "x"), TestData.stats(y, "x"));
        // the float32 shift perturbs Σ by rounding only
        assertEquals(norm2, fid, 1e-4 * norm2);
    }

    /**
     * Commuting covariances Σᵢ = Q Dᵢ Qᵀ have the closed form
     * FID = ‖μ₁−μ₂‖² + Σₖ (√d₁ₖ − √d₂ₖ)²; Q is a random rotation so Σ is far from diagonal.
     */
    @Test
    void commutingCovariancesMatchTheClosedForm() {
        int d = 40;
        SplittableRandom rng = new SplittableRandom(3);
        double[][] g = new double[d][d];
        for (double[] row : g) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        RealMatrix q = new QRDecomposition(new Array2DRowRealMatrix(g)).getQ();
        double[] d1 = new double[d];
        double[] d2 = new double[d];
        double[] mu1 = new double[d];
        double[] mu2 = new double[d];
        double expected = 0;
        for (int k = 0; k < d; k++) {
            d1[k] = 0.1 + 3 * rng.nextDouble();
            d2[k] = k < 5 ? 0.0 : 0.1 + 3 * rng.nextDouble(); // a singular Σ₂ too
            mu1[k] = rng.nextGaussian();
            mu2[k] = rng.nextGaussian();
            expected += (mu1[k] - mu2[k]) * (mu1[k] - mu2[k]) + Math.pow(Math.sqrt(d1[k]) - Math.sqrt(d2[k]), 2);
        }
        GaussianStatistics a = new GaussianStatistics("x", 100, mu1, rotate(q, d1));
        GaussianStatistics b = new GaussianStatistics("x", 100, mu2, rotate(q, d2));
        // five zero eigenvalues: rounding noise of order 1e-15 becomes 1e-8 after the square root
        assertEquals(expected, FrechetDistance.between(a, b), 1e-8 * expected);
        assertEquals(expected, FrechetDistance.between(b, a), 1e-8 * expected);
    }

    private static double[] rotate(RealMatrix q, double[] diag) {
        int d = diag.length;
        double[] m = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += q.getEntry(i, k) * diag[k] * q.getEntry(j, k);
                }
                m[i * d + j] = s;
                m[j * d + i] = s;
            }
        }
        return m;
    }

    /** Cross-check against pytorch-fid's route (scipy.linalg.sqrtm) on the committed CSV pair. */
    @Test
    void matchesScipyOnTheCommittedFeatures() {
        double expected = TestData.expected().get("fid_scipy_sqrtm").asDouble();
        GaussianStatistics a = TestData.stats(TestData.csv("features_a.csv"), "x");
        GaussianStatistics b = TestData.stats(TestData.csv("features_b.csv"), "x");
        assertEquals(expected, FrechetDistance.between(a, b), 1e-8 * expected);
    }

    @Test
    void refusesStatisticsOfDifferentExtractors() {
        GaussianStatistics a = TestData.stats(TestData.gaussian(10, 3, 0, 1), "fmnist-v1");
        GaussianStatistics b = TestData.stats(TestData.gaussian(10, 3, 0, 2), "other");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FrechetDistance.between(a, b));
        assertTrue(e.getMessage().contains("fmnist-v1") && e.getMessage().contains("other"), e.getMessage());
    }

    @Test
    void fidInfinityRemovesMostOfTheSmallSampleBias() {
        int d = 32;
        float[][] ref = TestData.gaussian(50000, d, 0, 21);
        float[][] gen = TestData.gaussian(2000, d, 0, 22);
        FrechetDistance reference = FrechetDistance.prepare(TestData.stats(ref, "x"));
        StratifiedStatistics st = new StratifiedStatistics(d, FidInfinity.DEFAULT_POINTS);
        st.addAll(gen, new SplittableRandom(1));
        double fid = reference.distanceTo(st.all().toGaussian("x"));
        FidInfinity.Result inf = FidInfinity.compute(st, reference, "x");
        assertEquals(10, inf.points().size());
        assertTrue(inf.slope() > 0, "FID falls as N grows");
        assertTrue(Math.abs(inf.fidInfinity()) < fid / 3, "FID∞ " + inf.fidInfinity() + " vs FID " + fid);
    }
}
