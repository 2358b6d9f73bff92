package org.atelier.datasets.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.atelier.core.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The restoration kinds: text overlays and scratches. */
class OverlayMaskGeneratorsTest {
    @Test
    void textMasksAreSeededCoverSomeButNotMostOfTheImageAndVary() {
        MaskGenerator g = MaskKinds.parse("text");
        double total = 0;
        for (int seed = 0; seed < 20; seed++) {
            Mask a = g.generate(64, 64, new SplittableRandom(seed));
            assertEquals(a, g.generate(64, 64, new SplittableRandom(seed)), "same seed, same mask");
            total += a.holeFraction();
            assertTrue(a.holeFraction() < 0.6, "text is strokes, not a block: " + a);
        }
        assertTrue(total / 20 > 0.02, "glyphs are drawn: mean hole " + total / 20);
        assertNotEquals(g.generate(64, 64, new SplittableRandom(1)), g.generate(64, 64, new SplittableRandom(2)));
    }

    @Test
    void biggerTextCoversMore() {
        double small = 0;
        double big = 0;
        for (int seed = 0; seed < 20; seed++) {
            small += MaskKinds.parse("text:lines=1,min-size=0.15,max-size=0.15").generate(64, 64, new SplittableRandom(seed)).holeFraction();
            big += MaskKinds.parse("text:lines=1,min-size=0.5,max-size=0.5").generate(64, 64, new SplittableRandom(seed)).holeFraction();
        }
        assertTrue(big > 2 * small, big + " vs " + small);
    }

    @Test
    void scratchesAreThinCurvesWhoseAreaGrowsWithTheirWidth() {
        double thin = 0;
        double wide = 0;
        for (int seed = 0; seed < 20; seed++) {
            Mask m = MaskKinds.parse("scratches").generate(64, 64, new SplittableRandom(seed));
            assertEquals(m, MaskKinds.parse("scratches").generate(64, 64, new SplittableRandom(seed)));
            assertTrue(m.holePixels() > 0);
            thin += m.holeFraction();
            wide += MaskKinds.parse("scratches:width=4").generate(64, 64, new SplittableRandom(seed)).holeFraction();
        }
        assertTrue(thin / 20 < 0.15, "a 1-px scratch set stays thin: " + thin / 20);
        assertTrue(wide > 2 * thin, wide + " vs " + thin);
    }

    @Test
    void specsRoundTripAndBadOnesNameTheKey() {
        assertEquals("text:lines=3,max-size=0.5", MaskKinds.parse("text:lines=3,max-size=0.5").kind());
        assertEquals("scratches:count=2,width=2", MaskKinds.parse("scratches:count=2,width=2").kind());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> MaskKinds.parse("scratches:width=20"));
        assertTrue(e.getMessage().contains("width"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> MaskKinds.parse("text:font=Arial"));
    }
}
