package org.atelier.datasets.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.atelier.core.errors.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exact geometry of the deterministic kinds, and seeding behaviour of every kind. */
class FixedMaskGeneratorsTest {

    private static List<Mask> draws(MaskGenerator g, long seed, int n, int h, int w) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Mask> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(g.generate(h, w, rng));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"center-box", "random-boxes", "thin", "medium", "thick", "outpaint:left=3,top=2", "half:top",
        "every-second-line"})
    void sameSeedGivesSameMasks(String spec) {
        MaskGenerator g = MaskKinds.parse(spec);
        assertEquals(draws(g, 11, 4, 30, 40), draws(g, 11, 4, 30, 40));
        assertEquals(draws(MaskKinds.parse(spec), 11, 4, 30, 40), draws(g, 11, 4, 30, 40));
    }

    @ParameterizedTest
    @ValueSource(strings = {"random-boxes", "thin", "medium", "thick"})
    void randomKindsDifferAcrossSeeds(String spec) {
        MaskGenerator g = MaskKinds.parse(spec);
        assertNotEquals(draws(g, 1, 4, 32, 32), draws(g, 2, 4, 32, 32));
        List<Mask> seq = draws(g, 3, 4, 32, 32);
        assertNotEquals(seq.get(0), seq.get(1), "successive draws should differ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"center-box", "outpaint:all=2", "half:left", "every-second-line"})
    void fixedKindsIgnoreTheSeed(String spec) {
        MaskGenerator g = MaskKinds.parse(spec);
        assertEquals(draws(g, 1, 2, 20, 24), draws(g, 2, 2, 20, 24));
    }

    @Test
    void centerBoxDefaultCoversTheMiddleQuarter() {
        Mask m = new CenterBoxMaskGenerator().generate(64, 64, new SplittableRandom(0));
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                boolean inside = y >= 16 && y < 48 && x >= 16 && x < 48;
                assertEquals(inside, m.isHole(y, x), "pixel " + x + "," + y);
            }
        }
        assertEquals(0.25, m.holeFraction(), 0.0);
    }

    @Test
    void centerBoxFractionOnOddAndRectangularSizes() {
        Mask m = new CenterBoxMaskGenerator(0.25).generate(28, 40, new SplittableRandom(0));
        assertEquals(7 * 10, m.holePixels());
        assertTrue(m.isHole(10, 15) && m.isHole(16, 24));
        assertFalse(m.isHole(9, 15) || m.isHole(17, 24) || m.isHole(10, 14) || m.isHole(10, 25));
    }

    @Test
    void everySecondLineHasExactlyTheOddRows() {
        Mask m = new EverySecondLineMaskGenerator().generate(9, 5, new SplittableRandom(0));
        for (int y = 0; y < 9; y++) {
            for (int x = 0; x < 5; x++) {
                assertEquals(y % 2 == 1, m.isHole(y, x), "row " + y);
            }
        }
        assertEquals(4 * 5, m.holePixels());
        Mask even = new EverySecondLineMaskGenerator(0).generate(9, 5, new SplittableRandom(0));
        assertEquals(5 * 5, even.holePixels());
        assertTrue(even.isHole(0, 0) && !even.isHole(1, 0) && even.isHole(8, 4));
    }

    @Test
    void outpaintBordersHaveExactWidths() {
        Mask lr = MaskKinds.parse("outpaint:left=8,right=8").generate(28, 32, new SplittableRandom(0));
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 32; x++) {
                assertEquals(x < 8 || x >= 24, lr.isHole(y, x), "pixel " + x + "," + y);
            }
        }
        assertEquals(28 * 16, lr.holePixels());

        Mask all = MaskKinds.parse("outpaint:all=4").generate(28, 32, new SplittableRandom(0));
        assertEquals(28 * 32 - 20 * 24, all.holePixels());

        Mask mixed = new OutpaintMaskGenerator(1, 2, 3, 4).generate(20, 30, new SplittableRandom(0));
        assertEquals(20 * 30 - (20 - 3 - 4) * (30 - 1 - 2), mixed.holePixels());
        assertTrue(mixed.isHole(2, 15) && !mixed.isHole(3, 15) && mixed.isHole(16, 15) && !mixed.isHole(15, 15));
        assertTrue(mixed.isHole(10, 0) && !mixed.isHole(10, 1) && mixed.isHole(10, 28) && !mixed.isHole(10, 27));
    }

    @Test
    void outpaintBordersThatLeaveNothingAreRefused() {
        MaskGenerator g = MaskKinds.parse("outpaint:left=14,right=14");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> g.generate(28, 28, new SplittableRandom(0)));
        assertTrue(e.getMessage().contains("28x28") && e.getMessage().contains("left=14"), e.getMessage());
    }

    @Test
    void halvesAreExactAndMirrorOnOddSizes() {
        SplittableRandom rng = new SplittableRandom(0);
        Mask left = new HalfMaskGenerator(HalfMaskGenerator.Side.LEFT).generate(6, 7, rng);
        Mask right = new HalfMaskGenerator(HalfMaskGenerator.Side.RIGHT).generate(6, 7, rng);
        Mask top = new HalfMaskGenerator(HalfMaskGenerator.Side.TOP).generate(5, 4, rng);
        Mask bottom = new HalfMaskGenerator(HalfMaskGenerator.Side.BOTTOM).generate(5, 4, rng);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 7; x++) {
                assertEquals(x < 3, left.isHole(y, x));
                assertEquals(x >= 4, right.isHole(y, x));
            }
        }
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 4; x++) {
                assertEquals(y < 2, top.isHole(y, x));
                assertEquals(y >= 3, bottom.isHole(y, x));
            }
        }
        Mask even = new HalfMaskGenerator(HalfMaskGenerator.Side.LEFT).generate(28, 28, rng);
        assertEquals(0.5, even.holeFraction(), 0.0);
    }

    @Test
    void randomBoxesStayWithinTheirSizeBounds() {
        RandomBoxesMaskGenerator g = new RandomBoxesMaskGenerator(1, 0.25, 0.25);
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < 50; i++) {
            Mask m = g.generate(40, 20, rng);
            assertEquals(10 * 5, m.holePixels(), "one box of 25 % of each side");
        }
        RandomBoxesMaskGenerator many = new RandomBoxesMaskGenerator();
        for (int i = 0; i < 200; i++) {
            Mask m = many.generate(32, 32, rng);
            int side = (int) Math.round(0.4 * 32);
            assertTrue(m.holePixels() >= 3 * 3 && m.holePixels() <= 3 * side * side, m.toString());
        }
    }
}
