package org.atelier.evaluation.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConfusionCorrectionTest {
    private static final List<String> VALUES = List.of("dark", "light", "medium");

    @Test
    void invertingTheConfusionMatrixRecoversTheTrueShares() {
        double[][] c = {{0.7, 0.0, 0.1}, {0.0, 0.95, 0.1}, {0.3, 0.05, 0.8}}; // columns: true value
        double[] p = {0.2, 0.5, 0.3};
        double[] q = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                q[i] += c[i][j] * p[j];
            }
        }
        assertArrayEquals(p, ConfusionCorrection.correct(q, c), 1e-12);
        double[] clipped = ConfusionCorrection.correct(new double[]{0.0, 0.9, 0.1}, c);
        assertTrue(clipped[0] >= 0 && Math.abs(clipped[0] + clipped[1] + clipped[2] - 1) < 1e-12);
    }

    @Test
    void conditionalMatrixCountsPredictionsPerTrueValue() {
        List<String> truth = List.of("dark", "dark", "dark", "dark", "light", "light");
        List<String> pred = List.of("dark", "dark", "dark", "medium", "light", "light");
        double[][] c = ConfusionCorrection.conditional(truth, pred, VALUES, null);
        assertEquals(0.75, c[0][0], 1e-12);
        assertEquals(0.25, c[2][0], 1e-12);
        assertEquals(1.0, c[1][1], 1e-12);
        assertEquals(1.0, c[2][2], 1e-12); // no medium images: identity column
    }

    /**
     * A simulated classifier that reads 30 % of dark faces as medium: the raw reading of a generator
     * that keeps dark at 4 % (planted amplification 0.4 of a 10 % training share) is biased low; the
     * corrected one recovers 0.4 within its interval.
     */
    @Test
    void correctionRemovesTheBiasOfAClassifierWeakOnOneSlice() {
        SplittableRandom rng = new SplittableRandom(17);
        List<String> heldTruth = new ArrayList<>();
        List<String> heldPred = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            String t = VALUES.get(i % 3);
            heldTruth.add(t);
            heldPred.add(read(t, rng));
        }
        List<String> generated = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            double u = rng.nextDouble();
            generated.add(read(u < 0.04 ? "dark" : u < 0.14 ? "medium" : "light", rng));
        }
        Map<String, Double> training = Map.of("dark", 0.1, "light", 0.8, "medium", 0.1);
        RepresentationAudit a = RepresentationAudit.of("skin_group", VALUES, training, heldTruth, heldPred, generated,
                SliceOptions.defaults(3).withBootstrap(1000));
        Amplification dark = a.amplification().get("dark");
        assertTrue(dark.correctedFactor().covers(0.4), "corrected " + dark.correctedFactor());
        assertFalse(dark.rawFactor().covers(0.4), "raw reading should be biased: " + dark.rawFactor());
        assertTrue(dark.rawFactor().value() < 0.35, "raw " + dark.rawFactor());
        assertTrue(a.amplification().get("medium").rawFactor().value() > 1.05, "dark read as medium inflates medium");
        assertEquals(List.of("dark"), a.classifierWeakSlices().stream().map(SliceStats::name).toList());
        assertTrue(a.raw().pValue() < 1e-6, "4 % dark against a 10 % training share, 3000 samples");
    }

    private static String read(String truth, SplittableRandom rng) {
        return truth.equals("dark") && rng.nextDouble() < 0.3 ? "medium" : truth;
    }
}
