package org.atelier.evaluation.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.atelier.core.image.Image;
import org.atelier.datasets.masks.Mask;
import org.junit.jupiter.api.Test;

/** Feathered blending: the soft mask equals scipy's Gaussian blur (evaluation/src/test/python/feathering_reference.py). */
class FeatheringTest {
    private static final int H = 9;
    private static final int W = 11;

    private static Mask mask() {
        boolean[] hole = new boolean[H * W];
        for (int y = 2; y <= 4; y++) {
            for (int x = 3; x <= 6; x++) {
                hole[y * W + x] = true;
            }
        }
        hole[7 * W + 9] = true;
        return new Mask(H, W, hole);
    }

    @Test
    void alphaEqualsScipysGaussianFilterOutsideTheHoleAndOneInside() {
        double[] row5 = {0.000110478, 0.005602556, 0.062831325, 0.187830449, 0.244948741, 0.244948741, 0.187840106,
            0.063311387, 0.010604915, 0.011036635, 0.005002360};
        double[] col8 = {0.000499570, 0.005602556, 0.016738651, 0.021351918, 0.016839277, 0.010604915, 0.052625353,
            0.113863029, 0.052125783};
        float[] a = Feathering.alpha(mask(), 0.8);
        for (int x = 0; x < W; x++) {
            assertEquals(row5[x], a[5 * W + x], 1e-6, "row 5, column " + x);
        }
        for (int y = 0; y < H; y++) {
            assertEquals(col8[y], a[y * W + 8], 1e-6, "column 8, row " + y);
        }
        double[] row5wide = {0.016019431, 0.055164740, 0.131103249, 0.223686637, 0.287199337, 0.287917621, 0.227612546,
            0.143058742, 0.078450860, 0.045100276, 0.026408666};
        float[] b = Feathering.alpha(mask(), 1.5);
        for (int x = 0; x < W; x++) {
            assertEquals(row5wide[x], b[5 * W + x], 1e-6, "sigma 1.5, row 5, column " + x);
        }
        assertEquals(1f, a[3 * W + 4]);
        assertEquals(1f, a[7 * W + 9]);
    }

    @Test
    void blendKeepsTheFillInTheHoleAndMixesOnlyAroundIt() {
        Image known = Image.blank(1, H, W, -1f);
        Image fill = Image.blank(1, H, W, 1f);
        Image out = Feathering.blend(known, fill, mask(), 0.8);
        assertEquals(1f, out.get(0, 3, 4), 1e-7);
        float a = Feathering.alpha(mask(), 0.8)[5 * W + 4];
        assertEquals(a * 1 + (1 - a) * -1, out.get(0, 5, 4), 1e-6);
    }
}
