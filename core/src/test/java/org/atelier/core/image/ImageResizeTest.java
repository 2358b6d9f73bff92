package org.atelier.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ImageResizeTest {
    @Test
    void integerFactorAveragesEachBlock() {
        // 4x4 grey with values 0..15 scaled to [-1, 1] range-free: averaging is linear, so use raw values.
        float[] p = new float[16];
        for (int i = 0; i < 16; i++) {
            p[i] = i / 15f;
        }
        Image out = ImageResize.areaResize(new Image(1, 4, 4, p), 2, 2);
        assertEquals((0 + 1 + 4 + 5) / 4f / 15f, out.get(0, 0, 0), 1e-6);
        assertEquals((2 + 3 + 6 + 7) / 4f / 15f, out.get(0, 0, 1), 1e-6);
        assertEquals((8 + 9 + 12 + 13) / 4f / 15f, out.get(0, 1, 0), 1e-6);
        assertEquals((10 + 11 + 14 + 15) / 4f / 15f, out.get(0, 1, 1), 1e-6);
    }

    @Test
    void fractionalFactorWeighsPartialPixelsByOverlap() {
        // 3 columns -> 2: output 0 covers source [0, 1.5): 1 * s0 + 0.5 * s1, over 1.5.
        Image src = new Image(1, 1, 3, new float[] {0f, 0.3f, 0.9f});
        Image out = ImageResize.areaResize(src, 1, 2);
        assertEquals((0f + 0.5f * 0.3f) / 1.5f, out.get(0, 0, 0), 1e-6);
        assertEquals((0.5f * 0.3f + 0.9f) / 1.5f, out.get(0, 0, 1), 1e-6);
    }

    @Test
    void largeShrinkOfFineStripesGivesTheMeanInsteadOfAliasing() {
        // Alternating +1/-1 columns, 700 wide, shrunk 7x: every output averages 3.5 pairs.
        // Point sampling would return +1 or -1; the area mean is within 1/7 of 0.
        int w = 700;
        float[] p = new float[3 * 10 * w];
        for (int i = 0; i < p.length; i++) {
            p[i] = (i % w) % 2 == 0 ? 1f : -1f;
        }
        Image out = ImageResize.areaResize(new Image(3, 10, w, p), 10, 100);
        for (float v : out.pixels()) {
            assertEquals(0f, v, 1f / 7 + 1e-5);
        }
    }

    @Test
    void centreCropKeepsTheMiddleAtTheTargetAspect() {
        // 6 wide, 2 high -> square target: keep columns 2..3.
        float[] p = new float[12];
        for (int i = 0; i < 12; i++) {
            p[i] = i;
        }
        Image crop = ImageResize.centreCrop(new Image(1, 2, 6, p), 5, 5);
        assertEquals(2, crop.width());
        assertEquals(2, crop.height());
        assertEquals(2f, crop.get(0, 0, 0));
        assertEquals(3f, crop.get(0, 0, 1));
        assertEquals(8f, crop.get(0, 1, 0));

        Image tall = ImageResize.centreCrop(new Image(1, 6, 2, p), 1, 2);
        assertEquals(1, tall.height());
        assertEquals(2, tall.width());
        assertEquals(4f, tall.get(0, 0, 0)); // rows 0..5, keep row (6-1)/2 = 2
    }

    @Test
    void sameSizeIsReturnedAndConstantStaysConstant() {
        Image img = Image.blank(3, 8, 8, 0.25f);
        assertSame(img, ImageResize.centreCropResize(img, 8, 8));
        Image out = ImageResize.centreCropResize(Image.blank(3, 37, 53, 0.25f), 5, 7);
        assertEquals(3, out.channels());
        assertEquals(5, out.height());
        assertEquals(7, out.width());
        for (float v : out.pixels()) {
            assertEquals(0.25f, v, 1e-6);
        }
        assertThrows(IllegalArgumentException.class, () -> ImageResize.areaResize(img, 0, 4));
    }

    @Test
    void enlargingRepeatsPixels() {
        Image out = ImageResize.areaResize(new Image(1, 1, 2, new float[] {-1f, 1f}), 1, 4);
        assertEquals(-1f, out.get(0, 0, 0));
        assertEquals(-1f, out.get(0, 0, 1));
        assertEquals(1f, out.get(0, 0, 2));
        assertEquals(1f, out.get(0, 0, 3));
    }
}
