package org.atelier.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class CaptionStripTest {
    @Test
    void thePictureSitsUnderTheTextUnchanged() {
        BufferedImage pic = new BufferedImage(300, 50, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 50; y++) {
            for (int x = 0; x < 300; x++) {
                pic.setRGB(x, y, 0x336699);
            }
        }
        BufferedImage out = CaptionStrip.above(pic, "ddpm-cond-fashion: class Sneaker, ddim 50 steps, guidance 3");
        int strip = out.getHeight() - 50;
        assertTrue(strip > 10, "a strip of text, got " + strip + " px");
        assertEquals(300, out.getWidth());
        assertEquals(0x336699, out.getRGB(150, strip + 25) & 0xFFFFFF);
        boolean ink = false;
        for (int x = 0; x < 300 && !ink; x++) {
            for (int y = 0; y < strip; y++) {
                ink |= (out.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF;
            }
        }
        assertTrue(ink, "the caption is drawn");
    }

    @Test
    void longCaptionsWrapAndNarrowPicturesGetAReadableWidth() {
        BufferedImage pic = new BufferedImage(56, 28, BufferedImage.TYPE_INT_RGB);
        BufferedImage one = CaptionStrip.above(pic, "short");
        BufferedImage many = CaptionStrip.above(pic, "a caption of many words that cannot fit on one line of two "
                + "hundred and forty pixels and so must wrap onto several lines");
        assertEquals(CaptionStrip.MIN_WIDTH, one.getWidth());
        assertTrue(many.getHeight() > one.getHeight() + 20, one.getHeight() + " vs " + many.getHeight());
    }
}
