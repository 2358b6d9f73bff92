package org.atelier.evaluation.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Sample;
import org.atelier.datasets.Slices;

/**
 * The shares of a dataset's slices, or of the intersections of several columns, against a
 * reference distribution: {@code DatasetAudit.of(ds, List.of("skin_group"), "uniform", 0.95)}.
 * Attributes are read without decoding images. With several columns every combination of the
 * values that occur is a slice, the ones never seen with count 0, so a missing intersection shows.
 *
 * @param dataset the dataset's id
 * @param by      the columns
 * @param shares  the comparison with the reference
 */
public record DatasetAudit(String dataset, List<String> by, String reference, ShareComparison shares) {
    public static DatasetAudit of(ImageDataset ds, List<String> by, String reference, double level) {
        List<Map<String, List<Integer>>> columns = new ArrayList<>();
        for (String column : by) {
            columns.add(Slices.indicesBy(ds, column));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String slice : product(columns.stream().map(c -> List.copyOf(c.keySet())).toList())) {
            counts.put(slice, 0);
        }
        for (int i = 0; i < ds.size(); i++) {
            Map<String, String> attributes = ds.attributesOf(i);
            List<String> values = new ArrayList<>();
            for (String column : by) {
                values.add(column.equals(Slices.CLASS) ? className(ds, i) : attributes.get(column));
            }
            counts.merge(String.join(SliceGroups.JOIN, values), 1, Integer::sum);
        }
        return new DatasetAudit(ds.id(), List.copyOf(by), reference == null ? ReferenceShares.UNIFORM : reference,
                ShareComparison.of(counts, ReferenceShares.parse(reference, counts.keySet()), level));
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset);
        m.put("by", by);
        m.put("reference", reference);
        m.putAll(shares.toJson());
        return m;
    }

    private static String className(ImageDataset ds, int i) {
        int label = ds.labelOf(i);
        return label == Sample.NO_LABEL ? "(none)" : ds.classNames().get(label);
    }

    /** Every combination of one value per column, names joined as slice names are. */
    private static List<String> product(List<List<String>> columns) {
        List<String> out = List.of("");
        for (List<String> values : columns) {
            List<String> next = new ArrayList<>();
            for (String prefix : out) {
                for (String v : values) {
                    next.add(prefix.isEmpty() ? v : prefix + SliceGroups.JOIN + v);
                }
            }
            out = next;
        }
        return out;
    }
}
