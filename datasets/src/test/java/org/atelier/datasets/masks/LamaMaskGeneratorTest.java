package org.atelier.datasets.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.atelier.core.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

class LamaMaskGeneratorTest {

    /** Mean hole share over {@code n} draws. */
    private static double meanArea(MaskGenerator g, int size, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += g.generate(size, size, rng).holeFraction();
        }
        return sum / n;
    }

    /**
     * Mean over hole pixels of the city-block distance to the nearest kept pixel (or the image
     * border): how deep the holes are, i.e. how wide the strokes are, whatever their count.
     */
    static double meanDepth(Mask m) {
        int h = m.height();
        int w = m.width();
        int[] d = new int[h * w];
        int far = h + w;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!m.isHole(y, x)) {
                    continue;
                }
                int up = y > 0 ? d[(y - 1) * w + x] : 0;
                int left = x > 0 ? d[y * w + x - 1] : 0;
                d[y * w + x] = Math.min(far, Math.min(up, left) + 1);
            }
        }
        long sum = 0;
        for (int y = h - 1; y >= 0; y--) {
            for (int x = w - 1; x >= 0; x--) {
                if (!m.isHole(y, x)) {
                    continue;
                }
                int down = y < h - 1 ? d[(y + 1) * w + x] : 0;
                int right = x < w - 1 ? d[y * w + x + 1] : 0;
                d[y * w + x] = Math.min(d[y * w + x], Math.min(down, right) + 1);
                sum += d[y * w + x];
            }
        }
        int n = m.holePixels();
        return n == 0 ? 0 : sum / (double) n;
    }

    private static double meanDepth(MaskGenerator g, int size, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += meanDepth(g.generate(size, size, rng));
        }
        return sum / n;
    }

    @Test
    void holeAreaNeverExceedsHalfAtAnySize() {
        for (LamaPreset p : LamaPreset.values()) {
            LamaMaskGenerator g = new LamaMaskGenerator(p);
            for (int[] sizeAndDraws : new int[][] {{28, 400}, {64, 300}, {256, 40}}) {
                SplittableRandom rng = new SplittableRandom(99);
                for (int i = 0; i < sizeAndDraws[1]; i++) {
                    Mask m = g.generate(sizeAndDraws[0], sizeAndDraws[0], rng);
                    assertTrue(m.holeFraction() <= 0.5, p + " at " + sizeAndDraws[0] + ": " + m);
                    assertTrue(m.holePixels() > 0, p + " drew an empty mask");
                }
            }
        }
    }

    @Test
    void aLowerCeilingIsRespected() {
        MaskGenerator g = MaskKinds.parse("thick:max-area=0.2");
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            assertTrue(g.generate(48, 48, rng).holeFraction() <= 0.2);
        }
    }

    @Test
    void strokesGetWiderFromThinToMediumToThick() {
        double thin = meanDepth(MaskKinds.parse("thin"), 64, 150, 1);
        double medium = meanDepth(MaskKinds.parse("medium"), 64, 150, 1);
        double thick = meanDepth(MaskKinds.parse("thick"), 64, 150, 1);
        assertTrue(thin * 1.5 < medium && medium * 1.3 < thick,
                "mean hole depth thin " + thin + ", medium " + medium + ", thick " + thick);
    }

    /**
     * With LaMa's published parameters the 50 % ceiling, not the stroke width, sets the mean
     * area: thin (up to 51 narrow strokes) and thick (up to 6 wide ones) both average about
     * 27 %, and medium about 23 % because 23 % of its draws are small boxes. Before the
     * ceiling, thick masks are clearly the largest. Measured values at 64 px: thin 0.27,
     * medium 0.23, thick 0.27 (capped); thin 0.27, thick 0.40 (uncapped).
     */
    @Test
    void meanAreasMatchLamaParameters() {
        double thin = meanArea(MaskKinds.parse("thin"), 64, 300, 2);
        double medium = meanArea(MaskKinds.parse("medium"), 64, 300, 2);
        double thick = meanArea(MaskKinds.parse("thick"), 64, 300, 2);
        for (double a : new double[] {thin, medium, thick}) {
            assertTrue(a > 0.18 && a < 0.36, "mean areas thin " + thin + ", medium " + medium + ", thick " + thick);
        }
        double thinRaw = meanArea(MaskKinds.parse("thin:max-area=1"), 64, 300, 3);
        double thickRaw = meanArea(MaskKinds.parse("thick:max-area=1"), 64, 300, 3);
        assertTrue(thickRaw > thinRaw + 0.05, "uncapped thin " + thinRaw + ", thick " + thickRaw);
    }

    @Test
    void worksOnRectangularImages() {
        SplittableRandom rng = new SplittableRandom(8);
        for (LamaPreset p : LamaPreset.values()) {
            Mask m = new LamaMaskGenerator(p).generate(30, 70, rng);
            assertEquals(30, m.height());
            assertEquals(70, m.width());
            assertTrue(m.holeFraction() <= 0.5);
        }
    }

    @Test
    void imagesTooSmallForTheCeilingGiveAClearError() {
        MaskGenerator g = MaskKinds.parse("thick");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> g.generate(1, 1, new SplittableRandom(0)));
        assertTrue(e.getMessage().contains("thick") && e.getMessage().contains("1x1"), e.getMessage());
    }

    @Test
    void capsuleCoversPixelsWithinTheRadiusOnly() {
        boolean[] hole = new boolean[9 * 9];
        Shapes.capsule(hole, 9, 9, 2, 4, 6, 4, 1.0);
        Mask m = new Mask(9, 9, hole);
        // a 5-pixel core line, one row above and below it, and one pixel beyond each end
        assertEquals(5 * 3 + 2, m.holePixels());
        assertTrue(m.isHole(4, 1) && m.isHole(4, 7) && m.isHole(3, 2) && m.isHole(5, 6));
        assertTrue(!m.isHole(3, 1) && !m.isHole(4, 8) && !m.isHole(2, 4));
    }

    @Test
    void presetsCarryLamasPublishedValues() {
        assertEquals(new LamaPreset.Strokes(4, 50, 10, 4, 40), LamaPreset.THIN.strokes());
        assertEquals(new LamaPreset.Strokes(4, 5, 50, 4, 100), LamaPreset.MEDIUM.strokes());
        assertEquals(new LamaPreset.Boxes(0, 10, 50, 1, 5), LamaPreset.MEDIUM.boxes());
        assertEquals(new LamaPreset.Strokes(1, 5, 100, 4, 200), LamaPreset.THICK.strokes());
        assertEquals(new LamaPreset.Boxes(10, 30, 150, 1, 3), LamaPreset.THICK.boxes());
        assertEquals(0.0, LamaPreset.THIN.boxShare());
        assertEquals(0.3 / 1.3, LamaPreset.THICK.boxShare(), 1e-12);
    }
}
