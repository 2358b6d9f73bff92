package org.atelier.evaluation.distribution;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Feature vectors already computed in this process (by an extractor run here), so that a set
 * scored by several metrics, or a reference shared by several models, goes through the network
 * once.
 *
 * @param rows        N × d vectors
 * @param description what they are, for reports
 */
public record MemoryFeatureSource(float[][] rows, String description) implements FeatureSource {
    private static final int BATCH = 256;

    @Override
    public String describe() {
        return description;
    }

    @Override
    public boolean userFeatures() {
        return false;
    }

    @Override
    public void stream(Consumer<float[][]> batches) {
        for (int from = 0; from < rows.length; from += BATCH) {
            batches.accept(Arrays.copyOfRange(rows, from, Math.min(rows.length, from + BATCH)));
        }
    }
}
