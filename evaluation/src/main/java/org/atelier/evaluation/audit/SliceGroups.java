package org.atelier.evaluation.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.datasets.Slices;

/**
 * Rows grouped by the values of one or more attribute columns: with two columns, every
 * intersection that occurs ({@code dark × old}). Slice names join the values with " × ", in the
 * order the columns were given; slices are listed in natural order of their names
 * ({@code MST-2} before {@code MST-10}).
 */
final class SliceGroups {
    static final String JOIN = " × ";

    /** One slice: its column values and the rows in it. */
    record Group(Map<String, String> values, int[] rows) {
    }

    private SliceGroups() {
    }

    /**
     * @throws InvalidInputException when a row lacks one of the columns (naming the row and column)
     */
    static Map<String, Group> of(List<Map<String, String>> attributes, List<String> by) {
        if (by.isEmpty()) {
            throw new InvalidInputException("slices need at least one attribute column to group by");
        }
        Map<String, List<Integer>> rows = new TreeMap<>(Slices::naturalOrder);
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        for (int i = 0; i < attributes.size(); i++) {
            Map<String, String> row = attributes.get(i);
            Map<String, String> v = new LinkedHashMap<>();
            for (String column : by) {
                String value = row.get(column);
                if (value == null) {
                    throw new InvalidInputException("row " + (i + 1) + " has no value for slice column '" + column
                            + "' (it has " + String.join(", ", row.keySet()) + ")");
                }
                v.put(column, value);
            }
            String name = String.join(JOIN, v.values());
            rows.computeIfAbsent(name, k -> new ArrayList<>()).add(i);
            values.putIfAbsent(name, Map.copyOf(v));
        }
        Map<String, Group> out = new LinkedHashMap<>();
        rows.forEach((name, idx) -> out.put(name, new Group(values.get(name),
                idx.stream().mapToInt(Integer::intValue).toArray())));
        return out;
    }
}
