package org.atelier.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DPM-Solver++(2M), Euler, Euler-ancestral and the Karras grid against the values
 * {@code make_sampler_reference.py} (beside the reference file) computes from the update formulas of diffusers'
 * schedulers, on the dummy model and sample of diffusers' scheduler tests (as {@link SchedulerValuesTest}'s DDIM
 * vector), unclipped as those schedulers run by default.
 */
class SolverValuesTest {
    static final NoiseSchedule LINEAR = NoiseSchedule.of(ScheduleKind.LINEAR, 1000);
    private static JsonNode ref;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = SolverValuesTest.class.getResourceAsStream("sampler_reference.json")) {
            ref = new ObjectMapper().readTree(in);
        }
    }

    /** diffusers' dummy model: output = x·t/(t + 1). */
    static final Denoiser DUMMY = (x, t, c) -> x.mul(t / (t + 1.0));

    static INDArray loop(ReverseStep step, TimestepSpacing spacing, RandomGenerator rng) {
        int[] ts = LINEAR.timesteps(10, spacing);
        return ReverseSampler.run(DUMMY, step, ts, 0, SchedulerValuesTest.dummySample(), List.of(), rng,
                TrajectoryRecorder.off());
    }

    /** A random source whose every normal draw is {@code z}, to pin the noise term of an ancestral step. */
    static RandomGenerator constantNormal(double z) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextGaussian() {
                return z;
            }
        };
    }

    static void assertMatches(String key, INDArray x) {
        JsonNode expected = ref.get(key);
        INDArray a = x.castTo(DataType.DOUBLE).reshape(-1);
        assertEquals(expected.size(), a.length(), key);
        double scale = 1;
        double worst = 0;
        for (int i = 0; i < expected.size(); i++) {
            scale = Math.max(scale, Math.abs(expected.get(i).asDouble()));
            worst = Math.max(worst, Math.abs(a.getDouble(i) - expected.get(i).asDouble()));
        }
        assertTrue(worst < 2e-5 * scale, key + ": largest difference " + worst + " (values up to " + scale + ")");
    }

    @Test
    void dpmSolverPlusPlus2mGivesDiffusersValues() {
        assertMatches("dpm++2m/epsilon/leading", loop(new DpmSolver2MStep(LINEAR, Prediction.EPSILON, false),
                TimestepSpacing.LEADING, new SplittableRandom(0)));
        assertMatches("dpm++2m/epsilon/trailing", loop(new DpmSolver2MStep(LINEAR, Prediction.EPSILON, false),
                TimestepSpacing.TRAILING, new SplittableRandom(0)));
        assertMatches("dpm++2m/v/leading", loop(new DpmSolver2MStep(LINEAR, Prediction.V, false),
                TimestepSpacing.LEADING, new SplittableRandom(0)));
    }

    /** One step object serves two runs: each run starts without the other's history. */
    @Test
    void dpmSolverStartsEveryRunAfresh() {
        DpmSolver2MStep step = new DpmSolver2MStep(LINEAR, Prediction.EPSILON, false);
        loop(step, TimestepSpacing.TRAILING, new SplittableRandom(0));
        assertMatches("dpm++2m/epsilon/leading", loop(step, TimestepSpacing.LEADING, new SplittableRandom(0)));
    }

    @Test
    void eulerAndEulerAncestralGiveDiffusersValues() {
        assertMatches("euler/leading", loop(new EulerStep(LINEAR, Prediction.EPSILON, false), TimestepSpacing.LEADING,
                new SplittableRandom(0)));
        EulerAncestralStep a = new EulerAncestralStep(LINEAR, Prediction.EPSILON, false);
        assertMatches("euler-a/leading/z=0", loop(a, TimestepSpacing.LEADING, constantNormal(0)));
        assertMatches("euler-a/leading/z=1", loop(a, TimestepSpacing.LEADING, constantNormal(1)));
    }

    @Test
    void karrasGridHasThePublishedSigmasAndTheirTimesteps() {
        for (int n : new int[] {10, 20}) {
            double[] sig = NoiseSchedule.karrasSigmas(n, LINEAR.sigma(0), LINEAR.sigma(999), NoiseSchedule.KARRAS_RHO);
            JsonNode expected = ref.get("karras/" + n + "/sigmas");
            for (int i = 0; i < n; i++) {
                assertEquals(expected.get(i).asDouble(), sig[i], 1e-9 * expected.get(i).asDouble(), "sigma " + i);
            }
            int[] ts = new int[n];
            for (int i = 0; i < n; i++) {
                ts[i] = ref.get("karras/" + n + "/timesteps").get(i).asInt();
            }
            assertArrayEquals(ts, LINEAR.timesteps(n, TimestepSpacing.KARRAS), "n = " + n);
        }
        // many steps: rounding would merge neighbours near t = 0; they stay distinct and descending
        int[] all = LINEAR.timesteps(1000, TimestepSpacing.KARRAS);
        for (int i = 0; i < all.length; i++) {
            assertEquals(999 - i, all[i]);
        }
        int[] fifty = LINEAR.timesteps(50, TimestepSpacing.KARRAS);
        for (int i = 1; i < fifty.length; i++) {
            assertTrue(fifty[i] < fifty[i - 1]);
        }
        assertEquals(0, fifty[49]);
        assertEquals(999, fifty[0]);
    }

    @Test
    void timestepOfSigmaInvertsSigma() {
        for (int t : new int[] {0, 1, 17, 500, 998, 999}) {
            assertEquals(t, LINEAR.timestepOf(LINEAR.sigma(t)), 1e-9);
        }
        double mid = Math.exp(0.5 * (Math.log(LINEAR.sigma(10)) + Math.log(LINEAR.sigma(11))));
        assertEquals(10.5, LINEAR.timestepOf(mid), 1e-9);
        assertEquals(0.0, LINEAR.timestepOf(1e-6));
        assertEquals(999.0, LINEAR.timestepOf(1e6));
    }
}
