package org.atelier.models.nst;

import java.util.SplittableRandom;
import org.atelier.core.image.Image;

/** Where a Gatys optimisation starts. */
public enum StartImage {
    /** The content image itself: keeps its layout from the first step (the usual choice). */
    CONTENT,
    /**
     * Uniform noise in [-0.25, 0.25] around mid-grey (Gatys et al. 2016 start from white noise):
     * every run from another seed gives another picture.
     */
    NOISE;

    /** The starting image for {@code content}; {@code seed} draws the noise. */
    public Image of(Image content, long seed) {
        if (this == CONTENT) {
            return content;
        }
        SplittableRandom r = new SplittableRandom(seed);
        float[] p = new float[content.pixels().length];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (r.nextDouble() * 0.5 - 0.25);
        }
        return new Image(content.channels(), content.height(), content.width(), p);
    }
}
