package org.atelier.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Images land in their cells, right of the row labels and under the headings. */
class CaptionedGridTest {
    @Test
    void eachImageLandsInItsCellAtItsScale() {
        Image white = Image.blank(1, 4, 5, 1f);
        Image black = Image.blank(1, 4, 5, -1f);
        BufferedImage g = CaptionedGrid.of(List.of("x_t", "x0 predicted"), List.of("t = 999", "t = 0", "t = 5"),
                List.of(white, black, white, black, white, black), 2);
        int cellW = 10;
        int cellH = 8;
        int labelW = g.getWidth() - 3 * (cellW + 2) - 2;
        int headH = g.getHeight() - 2 * (cellH + 2) - 2;
        assertTrue(labelW > 20 && headH > 8, "room for labels and headings: " + labelW + ", " + headH);
        // the centre of row 1, column 0 is black; of row 1, column 1 white
        assertEquals(0x000000, g.getRGB(labelW + cellW / 2, headH + cellH + 2 + cellH / 2) & 0xffffff);
        assertEquals(0xffffff, g.getRGB(labelW + cellW + 2 + cellW / 2, headH + cellH + 2 + cellH / 2) & 0xffffff);
        assertEquals(0xffffff, g.getRGB(labelW + cellW / 2, headH + cellH / 2) & 0xffffff);
    }

    @Test
    void refusesTheWrongNumberOfImages() {
        Image i = Image.blank(1, 2, 2, 0f);
        assertThrows(IllegalArgumentException.class, () -> CaptionedGrid.of(List.of("a"), List.of("1", "2"), List.of(i), 1));
    }
}
