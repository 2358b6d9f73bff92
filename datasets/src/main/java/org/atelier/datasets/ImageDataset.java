package org.atelier.datasets;

import java.util.List;

/**
 * Indexed image samples: the contract every data source meets and every family trains on.
 * Images are (C, H, W) floats in [-1, 1], all of one size within a dataset.
 */
public interface ImageDataset {
    /** Stable, human-readable id recorded in provenance, e.g. {@code fashion-mnist:test}. */
    String id();

    /**
     * SHA-256 identifying the content: of the source files for file-backed data, of the
     * generator version and parameters for synthetic data. Recorded in provenance.
     */
    String contentHash();

    int size();

    int channels();

    int height();

    int width();

    /** Sample {@code index} in [0, size()); throws IndexOutOfBoundsException otherwise. */
    Sample get(int index);

    /** Class names indexed by label; empty when the data has no class labels. */
    List<String> classNames();

    /** Names of the attribute (slice) columns every sample carries; empty when there are none. */
    List<String> attributeNames();
}
