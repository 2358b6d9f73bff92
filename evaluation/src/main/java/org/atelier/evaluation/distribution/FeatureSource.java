package org.atelier.evaluation.distribution;

import java.util.function.Consumer;

/**
 * Where a set's feature vectors come from: images through an extractor, or vectors the user
 * computed. Sources stream in batches so that statistics can be accumulated without keeping
 * the set in memory.
 */
public interface FeatureSource {
    /** For reports, e.g. {@code IDX file t10k-images-idx3-ubyte.gz}. */
    String describe();

    /** Whether the vectors come from the user (a CSV file) rather than an extractor run here. */
    boolean userFeatures();

    /** Feeds every feature vector, in batches of at most a few hundred rows, to {@code batches}. */
    void stream(Consumer<float[][]> batches);
}
