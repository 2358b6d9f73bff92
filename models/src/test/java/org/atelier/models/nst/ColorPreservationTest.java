package org.atelier.models.nst;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.atelier.core.image.Image;
import org.junit.jupiter.api.Test;

class ColorPreservationTest {
    @Test
    void greyThenRecombineGivesTheContentBack() {
        Image c = TestImages.scene(12, 10);
        Image back = ColorPreservation.recombine(ColorPreservation.grey(c), c);
        for (int i = 0; i < c.pixels().length; i++) {
            // YIQ's published 3-digit coefficients invert to about 1e-3
            assertEquals(c.pixels()[i], back.pixels()[i], 5e-3, "pixel " + i);
        }
    }

    @Test
    void styleLuminanceIsMatchedToTheContents() {
        Image c = TestImages.scene(12, 10);
        Image s = TestImages.stripes(16, 16);
        float[] m = ColorPreservation.luminance(ColorPreservation.matchedGrey(s, c));
        float[] yc = ColorPreservation.luminance(c);
        assertEquals(mean(yc), mean(m), 1e-4);
        assertEquals(std(yc), std(m), 1e-3);
    }

    @Test
    void recombineTakesLuminanceFromTheResultAndColourFromTheContent() {
        Image c = TestImages.scene(8, 8);
        Image flat = Image.blank(3, 8, 8, 0.1f);
        Image out = ColorPreservation.recombine(flat, c);
        float[] y = ColorPreservation.luminance(out);
        for (float v : y) {
            assertEquals(0.1, v, 5e-3);
        }
    }

    static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double std(float[] v) {
        double m = mean(v);
        double s = 0;
        for (float x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }
}
