package org.atelier.evaluation.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A table of paired comparisons judged as one family. */
class CorrectedComparisonsTest {
    private static final int ROWS = 15; // the table `metrics compare` prints: 3 regions x 5 metrics

    private static double[] scores(SplittableRandom rng, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 20 + 4 * rng.nextGaussian();
        }
        return x;
    }

    @Test
    void twoIdenticalModelsAreNeverDeclaredDifferent() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int family = 0; family < 50; family++) {
            List<CorrectedComparisons.Row> rows = new ArrayList<>();
            for (int r = 0; r < ROWS; r++) {
                double[] a = scores(rng, 8);
                rows.add(new CorrectedComparisons.Row("hole", "m" + r, r % 2 == 0, a, a.clone()));
            }
            for (CorrectedComparisons.Judged j : CorrectedComparisons.judge(rows, 1000, family)) {
                assertEquals(CorrectedComparisons.Verdict.NONE, j.verdict());
                assertEquals(1.0, j.pHolm());
            }
        }
    }

    @Test
    void equallyGoodModelsAreDeclaredDifferentInAtMostAboutAlphaOfTables() {
        // B = A + noise of mean 0 per image: every null hypothesis is true, so the family-wise error rate
        // (tables with at least one verdict) must stay near or below 5 %; uncorrected it would be about 1-0.95^15 = 54 %
        SplittableRandom rng = new SplittableRandom(2);
        int families = 200;
        int withVerdict = 0;
        int rawRejections = 0;
        for (int family = 0; family < families; family++) {
            List<CorrectedComparisons.Row> rows = new ArrayList<>();
            for (int r = 0; r < ROWS; r++) {
                double[] a = scores(rng, 8);
                double[] b = a.clone();
                for (int i = 0; i < b.length; i++) {
                    b[i] += rng.nextGaussian();
                }
                rows.add(new CorrectedComparisons.Row("hole", "m" + r, true, a, b));
            }
            boolean any = false;
            for (CorrectedComparisons.Judged j : CorrectedComparisons.judge(rows, 1000, family)) {
                any |= j.verdict() != CorrectedComparisons.Verdict.NONE;
                rawRejections += j.comparison().pValue() <= 0.05 ? 1 : 0;
            }
            withVerdict += any ? 1 : 0;
        }
        assertTrue(withVerdict <= 0.08 * families, withVerdict + " of " + families + " tables declared a difference");
        assertTrue(rawRejections > 0.03 * families * ROWS, "the uncorrected tests do reject by chance: " + rawRejections);
    }

    @Test
    void aRealDifferenceSurvivesTheCorrection() {
        SplittableRandom rng = new SplittableRandom(3);
        List<CorrectedComparisons.Row> rows = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            double[] a = scores(rng, 100);
            double[] b = a.clone();
            for (int i = 0; i < b.length; i++) {
                b[i] += (r == 0 ? 1.0 : 0) + 0.5 * rng.nextGaussian();
            }
            rows.add(new CorrectedComparisons.Row("hole", "m" + r, true, a, b));
        }
        List<CorrectedComparisons.Judged> judged = CorrectedComparisons.judge(rows, 2000, 0);
        assertEquals(CorrectedComparisons.Verdict.B_BETTER, judged.get(0).verdict());
        CorrectedComparisons.Judged first = judged.get(0);
        assertTrue(first.simLow() <= first.comparison().ciLow() && first.simHigh() >= first.comparison().ciHigh(),
                "the simultaneous interval is the wider one");
    }
}
