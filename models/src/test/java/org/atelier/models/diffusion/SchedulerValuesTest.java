package org.atelier.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The published values of the diffusion issue: the schedules, the posterior variance, and
 * diffusers' DDIM test vector (tests/schedulers/test_scheduler_ddim.py: dummy model
 * ε(x, t) = x·t/(t + 1), deterministic dummy sample, 10 steps, η = 0).
 */
class SchedulerValuesTest {
    static final NoiseSchedule LINEAR = NoiseSchedule.of(ScheduleKind.LINEAR, 1000);

    @Test
    void linearScheduleEndsAtThePublishedAlphaBar() {
        assertEquals(1e-4, LINEAR.beta(0), 1e-15);
        assertEquals(0.02, LINEAR.beta(999), 1e-15);
        assertEquals(4.036e-5, LINEAR.alphaBar(999), 0.001e-5);
        assertEquals(1.0, LINEAR.alphaBar(-1));
    }

    @Test
    void cosineScheduleHasThePublishedBetas() {
        NoiseSchedule c = NoiseSchedule.of(ScheduleKind.COSINE, 1000);
        assertEquals(4.1284e-5, c.beta(0), 0.0001e-5);
        assertEquals(4.6142e-5, c.beta(1), 0.0001e-5);
        assertEquals(0.999, c.beta(999), 1e-12);
        // betas grow, and ᾱ falls to (almost) zero
        for (int t = 1; t < 1000; t++) {
            assertTrue(c.beta(t) >= c.beta(t - 1));
        }
        assertTrue(c.alphaBar(999) < 1e-6);
    }

    @Test
    void posteriorVarianceMatchesDdpmAndDdim() {
        assertEquals(0.0, LINEAR.posteriorVariance(0, 0), 1e-12);
        assertEquals(0.00979, LINEAR.posteriorVariance(487, 486), 1e-5);
        assertEquals(0.02, LINEAR.posteriorVariance(999, 998), 1e-5);
        assertEquals(0.14771, LINEAR.posteriorVariance(420, 400), 1e-5);
        assertEquals(0.32460, LINEAR.posteriorVariance(980, 960), 1e-5);
        DdimStep ddim = DdimStep.diffusersDefaults(LINEAR, Prediction.EPSILON, 0);
        assertEquals(0.14771, ddim.variance(420, 400), 1e-5);
    }

    @Test
    void timestepSpacings() {
        assertArrayEquals(new int[] {900, 800, 700, 600, 500, 400, 300, 200, 100, 0},
                LINEAR.timesteps(10, TimestepSpacing.LEADING));
        assertArrayEquals(new int[] {999, 899, 799, 699, 599, 499, 399, 299, 199, 99},
                LINEAR.timesteps(10, TimestepSpacing.TRAILING));
        int[] all = LINEAR.timesteps(1000, TimestepSpacing.LEADING);
        assertEquals(999, all[0]);
        assertEquals(0, all[999]);
        assertThrows(IllegalArgumentException.class, () -> LINEAR.timesteps(0, TimestepSpacing.LEADING));
        assertThrows(IllegalArgumentException.class, () -> LINEAR.timesteps(1001, TimestepSpacing.LEADING));
    }

    /** torch.arange(768).reshape(3, 8, 8, 4) / 768, permuted to (4, 3, 8, 8). */
    static INDArray dummySample() {
        return Nd4j.arange(768).castTo(DataType.FLOAT).reshape('c', 3, 8, 8, 4).divi(768f).permute(3, 0, 1, 2).dup('c');
    }

    static INDArray fullLoop(DdimStep step, int steps) {
        INDArray x = dummySample();
        int[] ts = step.schedule().timesteps(steps, TimestepSpacing.LEADING);
        SplittableRandom rng = new SplittableRandom(0);
        for (int i = 0; i < ts.length; i++) {
            int t = ts[i];
            INDArray eps = x.mul(t / (t + 1f)); // diffusers' dummy model
            x = step.step(eps, t, i + 1 < ts.length ? ts[i + 1] : -1, x, rng).prevSample();
        }
        return x;
    }

    @Test
    void ddimTenStepsOnTheDummyModelGivesDiffusersValues() {
        INDArray x = fullLoop(DdimStep.diffusersDefaults(LINEAR, Prediction.EPSILON, 0), 10);
        assertEquals(172.0067, x.dup().castTo(DataType.DOUBLE).norm1Number().doubleValue(), 1e-2);
        assertEquals(0.223967, x.castTo(DataType.DOUBLE).norm1Number().doubleValue() / x.length(), 1e-3);
    }

    @Test
    void ddimVariantsGiveDiffusersValues() {
        INDArray v = fullLoop(DdimStep.diffusersDefaults(LINEAR, Prediction.V, 0), 10);
        assertEquals(52.5302, v.castTo(DataType.DOUBLE).norm1Number().doubleValue(), 1e-2);
        NoiseSchedule high = NoiseSchedule.linear(1000, 0.01, 0.02);
        INDArray one = fullLoop(new DdimStep(high, Prediction.EPSILON, 0, true, ClippedEpsilon.RAW, true), 10);
        assertEquals(149.8295, one.castTo(DataType.DOUBLE).norm1Number().doubleValue(), 1e-2);
        INDArray notOne = fullLoop(new DdimStep(high, Prediction.EPSILON, 0, true, ClippedEpsilon.RAW, false), 10);
        assertEquals(149.0784, notOne.castTo(DataType.DOUBLE).norm1Number().doubleValue(), 1e-2);
    }

    @Test
    void addNoiseIsTheClosedForm() {
        INDArray x0 = Nd4j.ones(DataType.FLOAT, 2, 1, 2, 2);
        INDArray eps = Nd4j.ones(DataType.FLOAT, 2, 1, 2, 2).muli(2);
        INDArray xt = LINEAR.addNoise(x0, eps, new int[] {0, 999});
        double a0 = LINEAR.alphaBar(0);
        double aT = LINEAR.alphaBar(999);
        assertEquals(Math.sqrt(a0) + 2 * Math.sqrt(1 - a0), xt.getDouble(0, 0, 1, 1), 1e-6);
        assertEquals(Math.sqrt(aT) + 2 * Math.sqrt(1 - aT), xt.getDouble(1, 0, 0, 0), 1e-6);
    }

    @Test
    void ddpmPosteriorEqualsDdimWithEtaOne() {
        INDArray x = dummySample().muli(3).subi(1);
        INDArray eps = x.mul(0.4).addi(0.1);
        DdpmStep ddpm = new DdpmStep(LINEAR, Prediction.EPSILON, false);
        DdimStep ddim = new DdimStep(LINEAR, Prediction.EPSILON, 1.0, false, ClippedEpsilon.RAW, true);
        for (int[] tp : new int[][] {{487, 486}, {900, 800}, {40, 0}}) {
            INDArray a = ddpm.step(eps, tp[0], tp[1], x, new SplittableRandom(3)).prevSample();
            INDArray b = ddim.step(eps, tp[0], tp[1], x, new SplittableRandom(3)).prevSample();
            assertEquals(0.0, a.sub(b).amaxNumber().doubleValue(), 2e-5, tp[0] + " -> " + tp[1]);
        }
    }

    @Test
    void rederivedEpsilonKeepsTheStepConsistentWithTheClippedX0() {
        int t = 600;
        int prev = 580;
        INDArray x = dummySample().muli(4);
        INDArray eps = x.mul(-2.5); // pushes x̂₀ far outside [−1, 1], as strong guidance does
        double ap = LINEAR.alphaBar(prev);
        for (ClippedEpsilon mode : ClippedEpsilon.values()) {
            DdimStep step = new DdimStep(LINEAR, Prediction.EPSILON, 0, true, mode, true);
            StepOutput out = step.step(eps, t, prev, x, new SplittableRandom(1));
            assertTrue(out.predictedX0().amaxNumber().doubleValue() <= 1.0);
            // the ε the step used, recovered from x_t and the clipped x̂₀ (what GLIDE re-derives)
            INDArray used = out.prevSample().sub(out.predictedX0().mul(Math.sqrt(ap))).divi(Math.sqrt(1 - ap));
            INDArray rederived = x.sub(out.predictedX0().mul(Math.sqrt(LINEAR.alphaBar(t)))).divi(Math.sqrt(1 - LINEAR.alphaBar(t)));
            double gap = used.sub(rederived).amaxNumber().doubleValue();
            if (mode == ClippedEpsilon.REDERIVE) {
                assertEquals(0.0, gap, 1e-4);
            } else {
                assertTrue(gap > 1, "raw ε differs from the re-derived one: " + gap);
            }
        }
    }
}
