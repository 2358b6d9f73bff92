package org.atelier.models;

import java.util.List;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import org.atelier.core.image.Image;

/** Capability: draws new images, optionally of one class (condition). */
public interface Sampler {
    int channels();

    int height();

    int width();

    /** Names of the conditions (classes) a caller may ask for; empty for an unconditional model. */
    List<String> conditions();

    /**
     * Draws {@code n} images (C, H, W) in [-1, 1].
     *
     * @param condition index into {@link #conditions()}; empty draws from every class (uniformly for a conditional model)
     * @param rng       every random draw comes from it
     */
    List<Image> sample(int n, OptionalInt condition, RandomGenerator rng);
}
