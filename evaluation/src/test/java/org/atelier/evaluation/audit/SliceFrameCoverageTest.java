package org.atelier.evaluation.audit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Whether SliceFrame's 95 % intervals cover the true value about 95 % of the time on data drawn
 * from a known distribution. Measured (seeds as below): the bootstrap interval of a mean of 60
 * draws from an exponential distribution covered the true mean in 382 of 400 simulated frames
 * (95.5 %); the Wilson interval of a share of 0.15 among 80 covered it in 1909 of 2000 (95.45 %).
 * The bounds below allow for simulation noise (±2.5 standard errors at 400 draws) and for the
 * percentile bootstrap's known slight under-coverage at small n on skewed data.
 */
class SliceFrameCoverageTest {
    @Test
    void bootstrapIntervalsOfMeansCoverAtAboutTheNominalRate() {
        int draws = 400;
        int n = 60;
        double trueMean = 2.0; // exponential with mean 2
        SplittableRandom rng = new SplittableRandom(20261207);
        int covered = 0;
        for (int d = 0; d < draws; d++) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = -trueMean * Math.log(1 - rng.nextDouble());
            }
            SliceStats s = SliceFrame.of("x", values, oneSlice(n), List.of("g"),
                    SliceOptions.defaults(d).withBootstrap(500)).slices().get("a");
            covered += s.ciLow() <= trueMean && trueMean <= s.ciHigh() ? 1 : 0;
        }
        double rate = covered / (double) draws;
        assertTrue(rate >= 0.90 && rate <= 0.985, "bootstrap 95 % intervals covered the true mean in " + covered
                + " of " + draws + " simulated frames (" + rate + ")");
    }

    @Test
    void wilsonIntervalsOfSharesCoverAtAboutTheNominalRate() {
        int draws = 2000;
        int n = 80;
        double p = 0.15;
        SplittableRandom rng = new SplittableRandom(7);
        int covered = 0;
        for (int d = 0; d < draws; d++) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = rng.nextDouble() < p ? 1 : 0;
            }
            SliceStats s = SliceFrame.of("x", values, oneSlice(n), List.of("g"),
                    SliceOptions.defaults(d).withMeasure(SliceOptions.Measure.SHARE)).slices().get("a");
            covered += s.ciLow() <= p && p <= s.ciHigh() ? 1 : 0;
        }
        double rate = covered / (double) draws;
        assertTrue(rate >= 0.93 && rate <= 0.97, "Wilson 95 % intervals covered the true share in " + covered + " of "
                + draws + " simulated frames (" + rate + ")");
    }

    private static List<Map<String, String>> oneSlice(int n) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(Map.of("g", "a"));
        }
        return rows;
    }
}
