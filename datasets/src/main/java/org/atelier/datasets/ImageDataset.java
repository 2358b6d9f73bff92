package org.atelier.datasets;

import java.util.List;
import java.util.Map;

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

    /**
     * Label of sample {@code index} without decoding its image where the source allows it
     * (counting slices of a large dataset should not decode every picture).
     */
    default int labelOf(int index) {
        return get(index).label();
    }

    /** Attributes of sample {@code index}, without decoding its image where the source allows it. */
    default Map<String, String> attributesOf(int index) {
        return get(index).attributes();
    }
}
