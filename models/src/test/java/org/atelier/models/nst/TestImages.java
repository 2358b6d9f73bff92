package org.atelier.models.nst;

import java.util.SplittableRandom;
import org.atelier.core.image.Image;

/** Tiny synthetic pictures for style-transfer tests. */
final class TestImages {
    private TestImages() {
    }

    /** A smooth scene: a diagonal colour ramp with a bright disc in the middle. */
    static Image scene(int h, int w) {
        float[] p = new float[3 * h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double r = Math.hypot(y - h / 2.0, x - w / 2.0);
                boolean disc = r < Math.min(h, w) / 4.0;
                p[y * w + x] = disc ? 0.9f : (float) (x / (double) w - 0.5);
                p[h * w + y * w + x] = disc ? 0.8f : (float) (y / (double) h - 0.5);
                p[2 * h * w + y * w + x] = disc ? -0.2f : 0.3f;
            }
        }
        return new Image(3, h, w, p);
    }

    /** A busy "painting": thin blue and yellow diagonal stripes. */
    static Image stripes(int h, int w) {
        float[] p = new float[3 * h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean yellow = ((x + y) / 2) % 2 == 0;
                p[y * w + x] = yellow ? 0.9f : -0.8f;
                p[h * w + y * w + x] = yellow ? 0.8f : -0.5f;
                p[2 * h * w + y * w + x] = yellow ? -0.7f : 0.9f;
            }
        }
        return new Image(3, h, w, p);
    }

    /** Uniform noise in [-1, 1]. */
    static Image noise(int h, int w, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] p = new float[3 * h * w];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return new Image(3, h, w, p);
    }
}
