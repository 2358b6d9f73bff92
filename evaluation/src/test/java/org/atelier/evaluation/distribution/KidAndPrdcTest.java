package org.atelier.evaluation.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.atelier.core.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

class KidAndPrdcTest {

    /** One subset holding every sample removes all randomness: compare with numpy's value. */
    @Test
    void kidMatchesNumpyOnTheCommittedFeatures() {
        float[][] a = TestData.csv("features_a.csv");
        float[][] b = TestData.csv("features_b.csv");
        double expected = TestData.expected().get("kid_full_set").asDouble();
        KernelInceptionDistance.Result r = KernelInceptionDistance.compute(a, b, 1, a.length, new SplittableRandom(1));
        assertEquals(expected, r.mean(), 1e-9 * Math.abs(expected));
        assertEquals(0.0, r.std(), 0.0);
    }

    @Test
    void kidOfTwoSamplesOfOneDistributionIsNearZeroAndAShiftIsNot() {
        float[][] a = TestData.gaussian(600, 16, 0, 1);
        float[][] b = TestData.gaussian(600, 16, 0, 2);
        float[][] shifted = TestData.gaussian(600, 16, 0.5, 3);
        KernelInceptionDistance.Result same = KernelInceptionDistance.compute(a, b, 20, 300, new SplittableRandom(4));
        KernelInceptionDistance.Result diff = KernelInceptionDistance.compute(a, shifted, 20, 300, new SplittableRandom(4));
        assertTrue(Math.abs(same.mean()) < 3 * same.std() + 1e-3, "same: " + same);
        assertTrue(diff.mean() > 50 * Math.abs(same.mean()) && diff.mean() > 10 * diff.std(), "shifted: " + diff);
        assertTrue(same.warnings().isEmpty());
    }

    /**
     * A set against itself: near 0 on the scale of a real difference. (Not exactly 0 in
     * expectation: two independent subsets of one finite set share a point with probability
     * 1/n, and k(x, x) then enters the cross term — about −0.02 here, vanishing as n grows.)
     */
    @Test
    void kidOfASetWithItselfIsNearZero() {
        float[][] a = TestData.gaussian(800, 16, 0.2, 8);
        float[][] shifted = TestData.gaussian(800, 16, 0.7, 9);
        KernelInceptionDistance.Result same = KernelInceptionDistance.compute(a, a, 50, 200, new SplittableRandom(2));
        KernelInceptionDistance.Result diff = KernelInceptionDistance.compute(a, shifted, 50, 200, new SplittableRandom(2));
        assertTrue(Math.abs(same.mean()) < 0.02 * diff.mean(), "identical: " + same + ", shifted: " + diff);
    }

    @Test
    void kidCapsTheSubsetSizeWithAWarning() {
        float[][] a = TestData.gaussian(50, 4, 0, 1);
        float[][] b = TestData.gaussian(80, 4, 0, 2);
        KernelInceptionDistance.Result r = KernelInceptionDistance.compute(a, b, 3, 1000, new SplittableRandom(4));
        assertEquals(50, r.subsetSize());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("capped at 50"), r.warnings().get(0));
    }

    /** The sparse draw is the textbook partial Fisher–Yates over a full array, index for index. */
    @Test
    void sparseSampleEqualsTheFullArrayShuffle() {
        java.util.SplittableRandom r1 = new java.util.SplittableRandom(5);
        java.util.SplittableRandom r2 = new java.util.SplittableRandom(5);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + r1.nextInt(300);
            r2.nextInt(300);
            int m = 1 + r1.nextInt(n);
            r2.nextInt(n);
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            int[] expected = new int[m];
            for (int i = 0; i < m; i++) {
                int j = i + r2.nextInt(n - i);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
                expected[i] = p[i];
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, KernelInceptionDistance.sample(n, m, r1));
        }
    }

    /** Scoring only the drawn rows, compacted, gives the KID of all rows bit for bit (what a sharded run does). */
    @Test
    void kidOfTheDrawnRowsAloneEqualsKidOfAllRows() {
        float[][] a = TestData.gaussian(300, 8, 0.0, 1);
        float[][] b = TestData.gaussian(250, 8, 0.3, 2);
        KernelInceptionDistance.Result all = KernelInceptionDistance.compute(a, b, 7, 40,
                new java.util.SplittableRandom(9));
        KernelInceptionDistance.Draw draw = KernelInceptionDistance.draw(a.length, b.length, 7, 40,
                new java.util.SplittableRandom(9));
        int[] keptA = KernelInceptionDistance.Draw.distinct(draw.a());
        int[] keptB = KernelInceptionDistance.Draw.distinct(draw.b());
        float[][] rowsA = java.util.Arrays.stream(keptA).mapToObj(i -> a[i]).toArray(float[][]::new);
        float[][] rowsB = java.util.Arrays.stream(keptB).mapToObj(i -> b[i]).toArray(float[][]::new);
        KernelInceptionDistance.Result kept = KernelInceptionDistance.score(rowsA, rowsB, draw.remap(keptA, keptB));
        assertTrue(keptA.length < a.length);
        assertEquals(all.mean(), kept.mean(), 0.0);
        assertEquals(all.std(), kept.std(), 0.0);
    }

    @Test
    void prdcMatchesNumpyOnTheCommittedFeatures() {
        float[][] a = TestData.csv("features_a.csv");
        float[][] b = TestData.csv("features_b.csv");
        JsonNode e = TestData.expected().get("prdc_k3_real_b_fake_a");
        PrecisionRecallDensityCoverage.Result r = PrecisionRecallDensityCoverage.compute(b, a, 3);
        assertEquals(e.get("precision").asDouble(), r.precision(), 1e-12);
        assertEquals(e.get("recall").asDouble(), r.recall(), 1e-12);
        assertEquals(e.get("density").asDouble(), r.density(), 1e-12);
        assertEquals(e.get("coverage").asDouble(), r.coverage(), 1e-12);
    }

    @Test
    void identicalSetsHaveFullPrecisionRecallAndCoverage() {
        float[][] a = TestData.gaussian(300, 5, 0, 9);
        PrecisionRecallDensityCoverage.Result r = PrecisionRecallDensityCoverage.compute(a, a, 3);
        assertEquals(1.0, r.precision());
        assertEquals(1.0, r.recall());
        assertEquals(1.0, r.coverage());
    }

    /** On a line at 0, 1, 3, 7 the nearest other points are at 1, 1, 2, 4: the point itself never counts. */
    @Test
    void neighbourRadiiExcludeThePointItself() {
        float[][] x = {{0}, {1}, {3}, {7}};
        double[] r1 = PrecisionRecallDensityCoverage.kthNeighbourSquaredDistances(x, 1);
        assertEquals(1.0, r1[0], 1e-12);
        assertEquals(1.0, r1[1], 1e-12);
        assertEquals(4.0, r1[2], 1e-12);
        assertEquals(16.0, r1[3], 1e-12);
        double[] r2 = PrecisionRecallDensityCoverage.kthNeighbourSquaredDistances(x, 2);
        assertEquals(9.0, r2[0], 1e-12);
        assertEquals(4.0, r2[1], 1e-12);
        assertEquals(9.0, r2[2], 1e-12);
        assertEquals(36.0, r2[3], 1e-12);
    }

    @Test
    void prdcRefusesSetsNoLargerThanK() {
        float[][] a = TestData.gaussian(3, 2, 0, 1);
        assertThrows(InvalidInputException.class, () -> PrecisionRecallDensityCoverage.compute(a, a, 3));
    }
}
