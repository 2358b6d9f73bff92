package org.atelier.training.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.atelier.datasets.portraits.PortraitSpec;

/**
 * {@code data:} — what a run trains on.
 *
 * @param dataset        {@code fashion-mnist:train} (Debian package, or {@code folder}),
 *                       {@code fashion-mnist:test} (embedded), or {@code portraits} (synthetic)
 * @param folder         fashion-mnist only: a folder holding the IDX files, instead of the Debian one
 * @param limit          train on the first {@code limit} samples only; 0 = all
 * @param portraits      portraits only: the generator's spec (size, count, seed, shares)
 * @param labelAttribute use this attribute (e.g. {@code skin_tone}) as the class label, for
 *                       attribute-conditional training on data without labels; null = the data's own labels
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DataConfig(String dataset, String folder, Integer limit, PortraitSpec portraits, String labelAttribute) {
    public DataConfig {
        limit = limit == null ? 0 : limit;
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("dataset is required (fashion-mnist:train, fashion-mnist:test or portraits)");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        if (dataset.equals("portraits") && portraits == null) {
            throw new IllegalArgumentException("dataset portraits needs a portraits: section (size, count, seed)");
        }
    }
}
