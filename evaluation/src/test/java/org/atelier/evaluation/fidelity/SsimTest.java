package org.atelier.evaluation.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import org.atelier.core.image.Image;
import org.junit.jupiter.api.Test;

class SsimTest {
    // torchmetrics tests/unittests/image/test_ssim.py, test_ssim_unequal_kernel_size: 7x7 binary images
    private static final float[] PREDS = {
        1, 1, 0, 1, 1, 0, 1,
        1, 0, 1, 1, 0, 0, 0,
        1, 0, 0, 0, 0, 0, 0,
        0, 0, 1, 0, 0, 0, 1,
        0, 0, 1, 0, 0, 1, 0,
        0, 1, 0, 0, 1, 1, 1,
        1, 1, 0, 1, 1, 0, 1};
    private static final float[] TARGET = {
        1, 1, 0, 1, 1, 0, 1,
        0, 0, 0, 1, 1, 1, 0,
        1, 1, 1, 0, 1, 0, 1,
        1, 0, 0, 0, 1, 0, 1,
        1, 1, 1, 1, 0, 1, 1,
        0, 0, 1, 0, 1, 0, 0,
        0, 1, 0, 0, 1, 1, 0};

    /** The 0/1 image as an Atelier image: 0 is black (-1), 1 white (1), so SSIM sees it as 0/1 again. */
    private static Image img(float[] p) {
        float[] q = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            q[i] = 2 * p[i] - 1;
        }
        return new Image(1, 7, 7, q);
    }

    /** torchmetrics on the 0/1 images: gaussian_kernel=True, sigma=(0.25, 0.5), data range from the data (1) -> 0.08869550. */
    @Test
    void reproducesTorchmetricsAnisotropicGaussianValue() {
        double v = Ssim.whole(img(PREDS), img(TARGET), SsimWindow.gaussianForSigma(0.25, 0.5));
        assertEquals(0.08869550, v, 1e-7);
        double swapped = Ssim.whole(img(PREDS), img(TARGET), SsimWindow.gaussianForSigma(0.5, 0.25));
        assertNotEquals(0.08869550, swapped, 1e-4);
    }

    /** torchmetrics: gaussian_kernel=False, kernel_size=(3, 5) -> 0.05131844 (float32 there, float64 here). */
    @Test
    void reproducesTorchmetricsUniformWindowValue() {
        double v = Ssim.whole(img(PREDS), img(TARGET), SsimWindow.uniform(3, 5));
        assertEquals(0.05131844, v, 1e-6);
        double swapped = Ssim.whole(img(PREDS), img(TARGET), SsimWindow.uniform(5, 3));
        assertNotEquals(0.05131844, swapped, 1e-4);
    }

    @Test
    void standardWindowIsGaussianElevenSigmaOnePointFive() {
        assertEquals(11, SsimWindow.STANDARD.vertical().length);
        assertEquals(11, SsimWindow.gaussianForSigma(1.5, 1.5).horizontal().length);
        double sum = 0;
        for (double t : SsimWindow.STANDARD.horizontal()) {
            sum += t;
        }
        assertEquals(1.0, sum, 1e-15);
        assertEquals(Math.exp(-0.5 / (1.5 * 1.5)), SsimWindow.STANDARD.horizontal()[6] / SsimWindow.STANDARD.horizontal()[5], 1e-12);
    }

    @Test
    void identicalImagesScoreOneEverywhere() {
        SplittableRandom rng = new SplittableRandom(1);
        float[] p = new float[3 * 20 * 24];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (2 * rng.nextDouble() - 1);
        }
        Image a = new Image(3, 20, 24, p);
        double[] map = Ssim.map(a, a, SsimWindow.STANDARD);
        for (double v : map) {
            assertEquals(1.0, v, 1e-12);
        }
        assertEquals(1.0, Ssim.whole(a, a, SsimWindow.STANDARD), 1e-12);
    }

    /** scipy.ndimage's "reflect": d c b a | a b c d | d c b a. */
    @Test
    void paddingMirrorsWithTheEdgePixelRepeated() {
        assertEquals(0, Ssim.reflect(-1, 5));
        assertEquals(1, Ssim.reflect(-2, 5));
        assertEquals(4, Ssim.reflect(5, 5));
        assertEquals(3, Ssim.reflect(6, 5));
        assertEquals(0, Ssim.reflect(10, 5));
        assertEquals(4, Ssim.reflect(-6, 5));
        assertEquals(0, Ssim.reflect(3, 1));
        assertEquals(0, Ssim.reflect(-4, 1));
    }
}
