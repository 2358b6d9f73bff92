package org.atelier.evaluation.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.atelier.models.features.FeatureMap;
import org.junit.jupiter.api.Test;

class GramDistanceTest {
    /** The formula of evaluation/src/test/python/gram_distance_vectors.py. */
    private static FeatureMap map(int m, int c, int h, int w) {
        float[] v = new float[c * h * w];
        for (int k = 0; k < v.length; k++) {
            v[k] = (float) (Math.sin(0.37 * k + m) * (1 + 0.1 * (k % 7)));
        }
        return new FeatureMap("l", c, h, w, v);
    }

    private static final List<FeatureMap> A = List.of(map(0, 3, 4, 5), map(1, 4, 2, 3));
    private static final List<FeatureMap> B = List.of(map(2, 3, 3, 6), map(3, 4, 1, 2));

    @Test
    void equalsTorchOnFixedFeatures() {
        // /usr/bin/python3 evaluation/src/test/python/gram_distance_vectors.py, torch 1.13
        assertEquals(0.28073605066582613, GramDistance.layer(A.get(0), B.get(0)), 1e-12);
        assertEquals(1.3230650829958874, GramDistance.layer(A.get(1), B.get(1)), 1e-12);
        assertEquals(0.80190056683085675, GramDistance.distance(A, B), 1e-12);
        double[] g = GramDistance.gram(A.get(0));
        assertEquals(0.86793616678299279, g[0], 1e-12);
        assertEquals(0.43143740214192761, g[1], 1e-12);
        assertEquals(-0.45683334366641548, g[2], 1e-12);
        assertEquals(g[1], g[3], 0.0, "symmetric");
    }

    @Test
    void isZeroOnlyForEqualGramsAndSymmetric() {
        assertEquals(0.0, GramDistance.distance(A, A), 0.0);
        assertEquals(GramDistance.distance(A, B), GramDistance.distance(B, A), 0.0);
    }

    @Test
    void refusesMismatchedLayers() {
        assertThrows(IllegalArgumentException.class, () -> GramDistance.layer(map(0, 3, 2, 2), map(0, 4, 2, 2)));
        assertThrows(IllegalArgumentException.class, () -> GramDistance.distance(A, List.of(A.get(0))));
    }
}
