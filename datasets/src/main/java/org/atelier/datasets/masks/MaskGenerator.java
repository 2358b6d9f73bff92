package org.atelier.datasets.masks;

import java.util.random.RandomGenerator;

/** Draws masks of a kind; every draw comes from the random source the caller passes (seeded by the run). */
public interface MaskGenerator {
    /** Name of the kind, as users type it ({@code thick}, {@code center-box}, …). */
    String kind();

    Mask generate(int height, int width, RandomGenerator rng);
}
