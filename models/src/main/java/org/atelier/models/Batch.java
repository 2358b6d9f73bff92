package org.atelier.models;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A batch of training samples.
 *
 * @param images     (N, C, H, W) float in [-1, 1]
 * @param labels     class index per sample, or {@code -1} where a sample has none
 * @param attributes per sample its attribute columns (e.g. {@code age=old}); empty maps where the
 *                   data has none (families that condition on attributes read them)
 */
public record Batch(INDArray images, int[] labels, List<Map<String, String>> attributes) {
    public Batch {
        if (images.rank() != 4 || images.size(0) != labels.length) {
            throw new IllegalArgumentException("batch needs (N,C,H,W) images and N labels, got "
                    + java.util.Arrays.toString(images.shape()) + " and " + labels.length);
        }
        attributes = attributes == null ? Collections.nCopies(labels.length, Map.of()) : List.copyOf(attributes);
        if (attributes.size() != labels.length) {
            throw new IllegalArgumentException("batch needs N attribute maps, got " + attributes.size() + " for " + labels.length);
        }
    }

    /** A batch without attributes. */
    public Batch(INDArray images, int[] labels) {
        this(images, labels, null);
    }

    public int size() {
        return labels.length;
    }
}
