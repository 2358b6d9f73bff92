package org.atelier.datasets.manifest;

import java.nio.file.Path;
import java.util.List;
import org.atelier.datasets.Sample;

/**
 * What a reader found in a dataset's index, before any image is opened: the entries, their
 * class names and attribute columns, the files that define the listing (hashed with the
 * images), and warnings about anything it skipped. {@link ManifestDataset#of} turns it into
 * a dataset.
 *
 * @param id             dataset id for provenance, e.g. {@code celeba}
 * @param root           folder the entry paths are relative to; no entry may leave it
 * @param rowName        how errors name an entry's row, e.g. {@code "manifest.csv row"} or
 *                       {@code "list_attr_celeba.txt line"}; the row number and path follow
 * @param entries        the images, in dataset order
 * @param classNames     names indexed by label; empty when entries carry no labels
 * @param attributeNames the attribute (slice) columns every entry has a value for
 * @param indexFiles     files that describe the listing (manifest, label CSV), hashed before the
 *                       images; may be empty when the listing comes from file names alone
 * @param warnings       what the reader skipped and why; empty when nothing was skipped
 */
public record ImageListing(String id, Path root, String rowName, List<ManifestEntry> entries,
                           List<String> classNames, List<String> attributeNames, List<Path> indexFiles,
                           List<String> warnings) {
    public ImageListing {
        entries = List.copyOf(entries);
        classNames = List.copyOf(classNames);
        attributeNames = List.copyOf(attributeNames);
        indexFiles = List.copyOf(indexFiles);
        warnings = List.copyOf(warnings);
        if (id.isBlank()) {
            throw new IllegalArgumentException("a dataset id must not be blank");
        }
        if (attributeNames.stream().distinct().count() != attributeNames.size()) {
            throw new IllegalArgumentException("attribute names repeat: " + attributeNames);
        }
        for (ManifestEntry e : entries) {
            if (e.attributeValues().size() != attributeNames.size()) {
                throw new IllegalArgumentException(rowName + " " + e.row() + ": " + e.attributeValues().size()
                        + " attribute values for " + attributeNames.size() + " attribute names");
            }
            if (e.label() != Sample.NO_LABEL && (e.label() < 0 || e.label() >= classNames.size())) {
                throw new IllegalArgumentException(rowName + " " + e.row() + ": label " + e.label()
                        + " outside 0.." + (classNames.size() - 1));
            }
        }
    }

    /** How errors name entry {@code e}: its row and path. */
    public String origin(ManifestEntry e) {
        return rowName + " " + e.row() + " ('" + e.path() + "')";
    }
}
