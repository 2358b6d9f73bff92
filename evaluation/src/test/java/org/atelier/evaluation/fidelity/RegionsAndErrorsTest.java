package org.atelier.evaluation.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.atelier.core.image.Image;
import org.atelier.datasets.masks.Mask;
import org.junit.jupiter.api.Test;

class RegionsAndErrorsTest {

    private static Mask box(int h, int w, int y0, int x0, int y1, int x1) {
        boolean[] hole = new boolean[h * w];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                hole[y * w + x] = true;
            }
        }
        return new Mask(h, w, hole);
    }

    @Test
    void bandIsTheDiscDilationMinusTheHole() {
        Mask one = box(9, 9, 4, 4, 5, 5);
        assertEquals(4, RegionMasks.count(RegionMasks.of(one, 1).band()));
        assertEquals(12, RegionMasks.count(RegionMasks.of(one, 2).band()));
        RegionMasks r = RegionMasks.of(one, 2);
        assertFalse(r.band()[4 * 9 + 4], "the hole is not part of the band");
        assertTrue(r.band()[2 * 9 + 4]);
        assertFalse(r.band()[2 * 9 + 2], "corner outside the disc of radius 2");
        assertEquals(0, RegionMasks.count(RegionMasks.of(one, 0).band()));
        // clipped at the border
        assertEquals(2, RegionMasks.count(RegionMasks.of(box(9, 9, 0, 0, 1, 1), 1).band()));
    }

    /** An error confined to the hole: region averages keep its size; the whole image dilutes it by the hole share. */
    @Test
    void errorsAverageOverTheRegionPixelsOnly() {
        int h = 10;
        int w = 10;
        Mask mask = box(h, w, 2, 2, 4, 7); // 10 pixels = 10 %
        Image ref = Image.blank(1, h, w, 0f);
        Image out = Image.blank(1, h, w, 0f);
        for (int i = 0; i < h * w; i++) {
            if (mask.hole()[i]) {
                out.pixels()[i] = 0.5f;
            }
        }
        RegionMasks r = RegionMasks.of(mask, 1);
        // 0.5 apart in [-1, 1] is 0.25 apart on the [0, 1] scale the errors are reported on
        assertEquals(0.0625, PixelErrors.mse(ref, out, r.hole()), 1e-12);
        assertEquals(0.25, PixelErrors.l1(ref, out, r.hole()), 1e-12);
        assertEquals(0.0, PixelErrors.mse(ref, out, r.band()), 0.0);
        assertEquals(0.00625, PixelErrors.mse(ref, out, r.whole()), 1e-12);
        // PSNR is the [-1, 1] one: 10 log10(2² / 0.5²)
        assertEquals(10 * Math.log10(4 / 0.25), PixelErrors.psnr(0.0625), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, PixelErrors.psnr(0.0));
        assertTrue(Double.isNaN(PixelErrors.mse(ref, out, new boolean[h * w])));
    }

    @Test
    void compositeKeepsTheOriginalOutsideTheHole() {
        Mask mask = box(6, 6, 1, 1, 3, 3);
        Image ref = Image.blank(3, 6, 6, -1f);
        Image out = Image.blank(3, 6, 6, 1f);
        Image c = InpaintingScorer.composite(ref, out, mask);
        assertEquals(1f, c.get(2, 1, 1));
        assertEquals(-1f, c.get(2, 0, 0));
        ImageScores s = new InpaintingScorer(1, true, null).score("x", ref, out, mask);
        assertEquals(0.0, s.regions().get(Region.BAND).mse(), 0.0);
        assertEquals(1.0, s.regions().get(Region.HOLE).mse(), 0.0);
        assertEquals(1.0 * 4 / 36, s.regions().get(Region.WHOLE).mse(), 1e-12);
        assertTrue(Double.isNaN(s.regions().get(Region.HOLE).perceptual()), "no network, no perceptual score");
    }

    @Test
    void withoutAMaskOnlyTheWholeImageIsScored() {
        Image ref = Image.blank(1, 16, 16, 0f);
        ImageScores s = new InpaintingScorer(3, false, null).score("x", ref, ref, null);
        assertEquals(1, s.regions().size());
        assertEquals(1.0, s.regions().get(Region.WHOLE).ssim(), 1e-12);
        assertTrue(Double.isNaN(s.holeFraction()));
    }
}
