package org.atelier.evaluation.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Slices;
import org.atelier.datasets.manifest.CsvTable;

/**
 * The attributes of image files, keyed by file name without its extension: what per-image scores
 * are joined with to break them down by slice. Stored as a manifest CSV ({@code path} column with
 * the file names, then one column per attribute, the class label as {@code label}), so the images
 * and the file together open as a dataset ({@code manifest:DIR/manifest.csv}).
 */
public final class ImageAttributes {
    /** The file an image folder's attributes go in, beside the images. */
    public static final String FILE = "manifest.csv";

    private ImageAttributes() {
    }

    /** Reads a manifest: file stem → column → value (the {@code label} column kept as {@code class}). */
    public static Map<String, Map<String, String>> read(Path manifest) {
        CsvTable t = CsvTable.read(manifest);
        t.requireColumns("path");
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Map<String, String> row : t.rows()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            row.forEach((k, v) -> {
                if (!k.equals("path")) {
                    attributes.put(k.equals("label") ? Slices.CLASS : k, v);
                }
            });
            String path = row.get("path");
            out.put(stem(path.substring(path.lastIndexOf('/') + 1)), attributes);
        }
        return out;
    }

    /**
     * Writes the attributes of dataset samples {@code indices}, the k-th under file name
     * {@code names.get(k)}, to {@code dir/manifest.csv}; nothing when the dataset has no class
     * and no attribute.
     */
    public static void write(Path dir, ImageDataset data, List<Integer> indices, List<String> names) {
        if (data.attributeNames().isEmpty() && data.classNames().isEmpty()) {
            return;
        }
        List<String> columns = new ArrayList<>(List.of("path"));
        if (!data.classNames().isEmpty()) {
            columns.add("label");
        }
        columns.addAll(data.attributeNames());
        List<Map<String, String>> rows = new ArrayList<>();
        for (int k = 0; k < indices.size(); k++) {
            Map<String, String> row = new LinkedHashMap<>(data.attributesOf(indices.get(k)));
            row.put("path", names.get(k));
            if (!data.classNames().isEmpty()) {
                int label = data.labelOf(indices.get(k));
                row.put("label", label < 0 ? "" : data.classNames().get(label));
            }
            rows.add(row);
        }
        CsvTable.write(dir.resolve(FILE), columns, rows);
    }

    /**
     * The attribute rows of {@code names}, in order.
     *
     * @throws InvalidInputException naming the image and the manifest when one has no row
     */
    public static List<Map<String, String>> of(List<String> names, Map<String, Map<String, String>> byStem, Path manifest) {
        List<Map<String, String>> out = new ArrayList<>();
        for (String name : names) {
            Map<String, String> row = byStem.get(stem(name));
            if (row == null) {
                throw new InvalidInputException(manifest + ": no row for image " + name + " (its 'path' column lists "
                        + byStem.size() + " files); every scored image needs its attributes");
            }
            out.add(row);
        }
        return out;
    }

    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
