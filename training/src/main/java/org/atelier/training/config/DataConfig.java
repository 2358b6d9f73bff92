package org.atelier.training.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.atelier.datasets.portraits.PortraitSpec;
import org.atelier.models.nst.CropSpec;

/**
 * {@code data:} — what a run trains on.
 *
 * @param dataset        {@code fashion-mnist:train} (Debian package, or {@code folder}),
 *                       {@code fashion-mnist:test} (embedded), {@code portraits} (synthetic), or
 *                       {@code content-crops} (crops of the content images, for style transfer)
 * @param folder         fashion-mnist only: a folder holding the IDX files, instead of the Debian one
 * @param limit          train on the first {@code limit} samples only; 0 = all
 * @param portraits      portraits only: the generator's spec (size, count, seed, shares)
 * @param labelAttribute use this attribute (e.g. {@code skin_tone}) as the class label, for
 *                       attribute-conditional training on data without labels; null = the data's own labels
 * @param crops          content-crops only: crop size, count, seed and source shares
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DataConfig(String dataset, String folder, Integer limit, PortraitSpec portraits, String labelAttribute,
                         CropSpec crops) {
    public DataConfig {
        limit = limit == null ? 0 : limit;
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("dataset is required (fashion-mnist:train, fashion-mnist:test, portraits "
                    + "or content-crops)");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        if (dataset.equals("portraits") && portraits == null) {
            throw new IllegalArgumentException("dataset portraits needs a portraits: section (size, count, seed)");
        }
        if (dataset.equals("content-crops") && crops == null) {
            throw new IllegalArgumentException("dataset content-crops needs a crops: section (size, count, seed)");
        }
    }
}
