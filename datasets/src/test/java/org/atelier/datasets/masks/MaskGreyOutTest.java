package org.atelier.datasets.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.atelier.core.image.Image;
import org.junit.jupiter.api.Test;

/** Masks shown (hole painted grey) and drawn by a rule. */
class MaskGreyOutTest {
    @Test
    void holePixelsTurnMidGreyInEveryChannelAndTheRestStay() {
        Mask m = new Mask(2, 2, new boolean[] {true, false, false, true});
        Image rgb = new Image(3, 2, 2, new float[] {1, 1, 1, 1, -1, -1, -1, -1, 0.5f, 0.5f, 0.5f, 0.5f});
        Image out = m.greyOut(rgb);
        assertEquals(0f, out.get(0, 0, 0));
        assertEquals(1f, out.get(0, 0, 1));
        assertEquals(-1f, out.get(1, 1, 0));
        assertEquals(0f, out.get(2, 1, 1));
        assertEquals(1f, rgb.get(0, 0, 0), "the input is left unchanged");
        assertThrows(IllegalArgumentException.class, () -> m.greyOut(new Image(1, 3, 2, new float[6])));
    }

    @Test
    void aDrawnMaskHasItsHoleWhereTheRuleSays() {
        Mask m = Mask.drawn(3, 4, (y, x) -> y == 1 && x >= 2);
        assertEquals(2, m.holePixels());
        assertEquals(true, m.isHole(1, 2));
        assertEquals(true, m.isHole(1, 3));
        assertEquals(false, m.isHole(0, 2));
        assertEquals(false, m.isHole(1, 1));
    }
}
