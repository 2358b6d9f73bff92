package org.atelier.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one RGB-to-grey rule, channel matching, and captioned strips. */
class LumaAndStripTest {
    @Test
    void rgbTurnsGreyByBt601AndGreyTurnsRgbByRepetition() {
        // one pixel: R = 1, G = -1, B = 0.5 in [-1, 1]
        Image rgb = new Image(3, 1, 1, new float[] {1f, -1f, 0.5f});
        Image grey = rgb.withChannels(1);
        assertEquals(0.299 - 0.587 + 0.114 * 0.5, grey.pixels()[0], 1e-6);
        assertSame(grey, grey.withChannels(1));
        Image back = grey.withChannels(3);
        assertEquals(List.of(grey.pixels()[0], grey.pixels()[0], grey.pixels()[0]),
                List.of(back.pixels()[0], back.pixels()[1], back.pixels()[2]));
        assertEquals(127.5, Luma.of(127.5, 127.5, 127.5), 1e-12, "the weights sum to 1");
    }

    @Test
    void aStripScalesEveryImageToOneHeight() {
        Image wide = Image.blank(3, 10, 20, 0f);
        Image tall = Image.blank(1, 20, 10, 0f);
        BufferedImage strip = ImageStrip.of(List.of(wide, tall), List.of("wide", "tall"), 40);
        assertEquals(4 + 80 + 4 + 20 + 4, strip.getWidth(), "widths 80 and 20 at height 40, gaps of 4");
        assertEquals(2, ImageGrid.legibleScale(Image.blank(1, 28, 28, 0f)));
        assertEquals(1, ImageGrid.legibleScale(Image.blank(1, 64, 64, 0f)));
        assertEquals(4, ImageGrid.squareColumns(13));
    }
}
