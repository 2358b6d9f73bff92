package org.atelier.evaluation.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.datasets.manifest.CsvTable;

/**
 * A per-sample table a user brings ({@code per_sample.csv}): one numeric column of values and
 * any text columns to slice by, read for {@link SliceFrame#of}.
 *
 * @param values     the value column, one per row
 * @param attributes every row's cells (all columns), aligned with {@code values}
 */
public record SliceTableCsv(String valueColumn, double[] values, List<Map<String, String>> attributes) {
    /**
     * @throws InvalidInputException naming the file, row and column when a column is missing or
     *                               a value is not a finite number
     */
    public static SliceTableCsv read(Path file, String valueColumn, List<String> by) {
        CsvTable t = CsvTable.read(file);
        List<String> needed = new ArrayList<>(by);
        needed.add(0, valueColumn);
        t.requireColumns(needed.toArray(String[]::new));
        double[] values = new double[t.rows().size()];
        for (int i = 0; i < values.length; i++) {
            String cell = t.rows().get(i).get(valueColumn);
            try {
                values[i] = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                values[i] = Double.NaN;
            }
            if (!Double.isFinite(values[i])) {
                throw new InvalidInputException(file + ": row " + (i + 1) + ", column '" + valueColumn + "': '" + cell
                        + "' is not a finite number");
            }
        }
        if (values.length == 0) {
            throw new InvalidInputException(file + ": no data rows");
        }
        return new SliceTableCsv(valueColumn, values, t.rows());
    }
}
