package org.atelier.models.features;

import java.util.List;
import org.atelier.core.image.Image;

/**
 * A fixed, named network mapping images to vectors for distribution metrics (FID, KID, PRDC).
 * Every metric result names {@link #id()}, so numbers from different extractors are never
 * compared by accident; {@link #weightsSha256()} pins the exact weights.
 */
public interface FeatureExtractor {
    /** Stable id users type, e.g. {@code fmnist-v1}. */
    String id();

    /** SHA-256 (lower-case hex) of the weights file, checked when the extractor was loaded. */
    String weightsSha256();

    /** Length of each feature vector. */
    int dimension();

    /** The native input; {@link #prepare} turns an image into it or refuses. */
    InputSpec input();

    /**
     * Converts an image to the native input without resizing: a grey extractor turns RGB into
     * luma; a wrong size is an {@link org.atelier.core.errors.InvalidInputException} naming
     * {@code source} and the expected size.
     */
    Image prepare(Image image, String source);

    /** Feature vectors of images already in the native input (see {@link #prepare}), one row each. */
    float[][] features(List<Image> images);
}
