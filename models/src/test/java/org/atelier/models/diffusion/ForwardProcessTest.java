package org.atelier.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;
import org.atelier.core.image.Image;
import org.atelier.models.common.NdImages;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** q(x_t | x₀) on images, the one-step process it shortcuts, and the SNR the notebooks chart. */
class ForwardProcessTest {
    static final NoiseSchedule LINEAR = NoiseSchedule.of(ScheduleKind.LINEAR, 1000);
    static final NoiseSchedule COSINE = NoiseSchedule.of(ScheduleKind.COSINE, 1000);

    static Image ramp() {
        float[] p = new float[4 * 4];
        for (int i = 0; i < p.length; i++) {
            p[i] = -1f + 2f * i / (p.length - 1);
        }
        return new Image(1, 4, 4, p);
    }

    @Test
    void noisedIsTheClosedFormWithOneNoiseForAllTimesteps() {
        Image x0 = ramp();
        List<Image> xs = new ForwardProcess(LINEAR).noised(x0, new int[] {-1, 0, 500, 999}, new SplittableRandom(3));
        INDArray eps = Noise.like(NdImages.stack(List.of(x0)), new SplittableRandom(3));
        assertEquals(x0, xs.get(0), "t = -1 is the clean image");
        for (int k = 1; k < 4; k++) {
            int t = new int[] {-1, 0, 500, 999}[k];
            for (int i = 0; i < 16; i++) {
                double want = Math.sqrt(LINEAR.alphaBar(t)) * x0.pixels()[i]
                        + Math.sqrt(1 - LINEAR.alphaBar(t)) * eps.getDouble(i);
                assertEquals(want, xs.get(k).pixels()[i], 1e-5, "t " + t + " pixel " + i);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new ForwardProcess(LINEAR).noised(x0, new int[] {1000},
                new SplittableRandom(1)));
    }

    @Test
    void iteratingTheOneStepProcessAgreesWithTheClosedForm() {
        // 4000 draws: the standard error of a mean is about std/63, so 5 of them bound chance
        for (NoiseSchedule s : List.of(LINEAR, COSINE)) {
            ForwardProcess.Agreement a = new ForwardProcess(s).check(ramp(), 300, 4000, new SplittableRandom(7));
            assertEquals(Math.sqrt(1 - s.alphaBar(300)), a.std(), 1e-12);
            assertTrue(a.meanError() < 5 * a.chanceError(), s + ": mean off by " + a.meanError());
            assertTrue(a.stdError() < 5 * a.chanceError(), s + ": std off by " + a.stdError());
            // the bound catches a process that stops 50 steps short: its spread is measurably smaller
            double shortStd = Math.sqrt(1 - s.alphaBar(250));
            assertTrue(Math.abs(shortStd - a.std()) > 5 * a.chanceError(), s + " at 250 vs 300");
        }
    }

    @Test
    void snrInDecibelsFollowsAlphaBar() {
        // ᾱ_999 = 4.036e-5 (published for the linear schedule): SNR = 10·log10(ᾱ/(1 − ᾱ)) ≈ −43.94 dB
        assertEquals(-43.94, LINEAR.snrDb(999), 0.01);
        assertEquals(Double.POSITIVE_INFINITY, LINEAR.snrDb(-1));
        int t = LINEAR.firstBelowDb(0);
        assertTrue(LINEAR.snrDb(t) < 0 && LINEAR.snrDb(t - 1) >= 0);
        assertTrue(COSINE.firstBelowDb(0) > t, "the cosine schedule keeps the signal longer");
        assertEquals(-1, LINEAR.firstBelowDb(-100));
    }

    @Test
    void thePictureHasOneColumnPerTimestepAndOneRowPerImage() {
        BufferedImage p = new ForwardProcess(COSINE).picture(List.of(ramp(), ramp()), new int[] {-1, 10, 999},
                new SplittableRandom(1));
        assertTrue(p.getWidth() > 3 * 8 && p.getHeight() > 2 * 8);
    }
}
