package org.atelier.models;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A batch of training samples.
 *
 * @param images (N, C, H, W) float in [-1, 1]
 * @param labels class index per sample, or {@code -1} where a sample has none
 */
public record Batch(INDArray images, int[] labels) {
    public Batch {
        if (images.rank() != 4 || images.size(0) != labels.length) {
            throw new IllegalArgumentException("batch needs (N,C,H,W) images and N labels, got "
                    + java.util.Arrays.toString(images.shape()) + " and " + labels.length);
        }
    }

    public int size() {
        return labels.length;
    }
}
