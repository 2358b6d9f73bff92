package org.atelier.datasets.manifest;

import java.util.List;

/**
 * One image listed by a manifest or a dataset's index file.
 *
 * @param path            image path relative to the dataset root, '/'-separated
 * @param label           class index, or {@link org.atelier.datasets.Sample#NO_LABEL}
 * @param attributeValues one value per {@link ImageListing#attributeNames()}, in that order
 * @param row             1-based position in the listing's source (data row, line or file
 *                        number, as {@link ImageListing#rowName()} says), for error messages
 */
public record ManifestEntry(String path, int label, List<String> attributeValues, int row) {
    public ManifestEntry {
        attributeValues = List.copyOf(attributeValues);
    }
}
