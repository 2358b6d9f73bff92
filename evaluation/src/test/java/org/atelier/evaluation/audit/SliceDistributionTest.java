package org.atelier.evaluation.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A quality gap planted in one slice is found; a slice with too few samples is listed, not estimated. */
class SliceDistributionTest {
    private static final int D = 12;

    /** Real faces of slice s: N(centre_s, I). */
    private static float[][] gaussian(int n, double[] centre, double shift, SplittableRandom rng) {
        float[][] x = new float[n][D];
        for (float[] row : x) {
            for (int j = 0; j < D; j++) {
                row[j] = (float) (centre[j] + (j < 3 ? shift : 0) + rng.nextGaussian());
            }
        }
        return x;
    }

    private static double[] centre(int k) {
        double[] c = new double[D];
        c[3 + k] = 2;
        return c;
    }

    @Test
    void aSliceWhoseSamplesAreWorseIsFoundAgainstTheBest() {
        SplittableRandom rng = new SplittableRandom(5);
        Map<String, float[][]> real = new LinkedHashMap<>();
        List<String> names = List.of("dark", "light", "medium");
        for (int k = 0; k < 3; k++) {
            real.put(names.get(k), gaussian(120, centre(k), 0, rng));
        }
        // light and medium samples come from their slice's distribution; dark ones are shifted (worse); and only
        // 4 samples are read as medium, below the minimum size
        List<float[]> gen = new ArrayList<>();
        List<String> read = new ArrayList<>();
        for (float[] row : gaussian(60, centre(0), 0.8, rng)) {
            gen.add(row);
            read.add("dark");
        }
        for (float[] row : gaussian(60, centre(1), 0, rng)) {
            gen.add(row);
            read.add("light");
        }
        for (float[] row : gaussian(4, centre(2), 0, rng)) {
            gen.add(row);
            read.add("medium");
        }
        float[][] overall = new float[150][];
        for (int i = 0; i < overall.length; i++) {
            overall[i] = real.get(names.get(i % 3))[i / 3];
        }
        SliceDistribution q = SliceDistribution.of("skin_group", "test", gen.toArray(new float[0][]), read, real, overall,
                new SliceDistribution.Options(10, 20, 300, 40, 0.95, 3));

        assertEquals("light", q.best());
        SliceDistribution.Row dark = q.slices().get("dark");
        assertEquals(60, dark.generated());
        assertEquals(120, dark.real());
        assertTrue(dark.kidDifference().low() > 0, "the planted gap is outside the interval: " + dark.kidDifference());
        SliceDistribution.Row best = q.slices().get("light");
        assertTrue(best.kid().value() > 0 ? dark.kidRatio() > 1 : Double.isNaN(dark.kidRatio()), "ratio " + dark.kidRatio());
        assertEquals(List.of("dark"), q.worseThanBest().stream().map(SliceDistribution.Row::name).toList());
        SliceDistribution.Row light = q.slices().get("light");
        assertTrue(light.kid().high() < dark.kid().low(), light.kid() + " vs " + dark.kid());
        assertTrue(Double.isNaN(light.kidDifference().value()), "the best slice has no difference to itself");
        assertTrue(dark.fid().value() > light.fid().value());
        assertFalse(dark.fidBiased(), "60 samples in 12 dimensions");

        SliceDistribution.Row medium = q.slices().get("medium");
        assertTrue(medium.tooSmall());
        assertEquals(4, medium.generated());
        assertTrue(Double.isNaN(medium.kid().value()) && Double.isNaN(medium.fid().value()));

        Map<String, Object> json = q.toJson();
        assertEquals(List.of("dark"), json.get("worse_than_best"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> slices = (Map<String, Map<String, Object>>) json.get("slices");
        assertEquals(List.of("dark", "light", "medium"), List.copyOf(slices.keySet()));
        assertEquals(true, slices.get("medium").get("too_small"));
        @SuppressWarnings("unchecked")
        Map<String, Object> mediumKid = (Map<String, Object>) slices.get("medium").get("kid");
        assertNull(mediumKid.get("value"), "not estimated is null, never NaN");
    }
}
