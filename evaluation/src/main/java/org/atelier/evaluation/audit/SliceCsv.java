package org.atelier.evaluation.audit;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.atelier.core.errors.InvalidInputException;

/**
 * The columns a slice audit reads from a per-sample CSV file (a header line, then one sample per
 * line): the slice columns (with several, a slice is an intersection, named by joining the values
 * with " × " as {@link SliceFrame} names it) and, optionally, a numeric value column. Lines are
 * parsed one at a time (Jackson's CSV parser, quotes allowed within a line), so a file split
 * anywhere between lines — a Spark partition — parses as it does whole.
 *
 * @param file         the file, for messages
 * @param by           the slice columns
 * @param sliceIndices their positions
 * @param valueIndex   position of the value column, or −1
 */
public record SliceCsv(String file, List<String> by, String value, int[] sliceIndices, int valueIndex)
        implements Serializable {
    private static final long serialVersionUID = 2L;
    private static final ObjectReader LINE = new CsvMapper().readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY);

    /** One data line: its slice's name, the slice columns' values, and the value (NaN without a value column). */
    public record Row(String slice, List<String> parts, double value) {
    }

    /** Reads the header; {@code value} may be null (shares only). */
    public static SliceCsv of(String file, String header, List<String> by, String value) {
        List<String> columns = Arrays.asList(fields(file, header, 1));
        int[] s = new int[by.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = columns.indexOf(by.get(i));
            if (s[i] < 0) {
                throw new InvalidInputException(file + ": no column '" + by.get(i) + "' for --by; columns: "
                        + String.join(", ", columns));
            }
        }
        int v = value == null ? -1 : columns.indexOf(value);
        if (value != null && v < 0) {
            throw new InvalidInputException(file + ": no column '" + value + "' for --value; columns: "
                    + String.join(", ", columns));
        }
        return new SliceCsv(file, List.copyOf(by), value, s, v);
    }

    /** @param lineNumber 1-based, for messages */
    public Row parse(String line, long lineNumber) {
        String[] f = fields(file, line, lineNumber);
        int need = valueIndex + 1;
        for (int i : sliceIndices) {
            need = Math.max(need, i + 1);
        }
        if (f.length < need) {
            throw new InvalidInputException(file + " line " + lineNumber + ": " + f.length + " fields, expected at least "
                    + need);
        }
        String[] parts = new String[sliceIndices.length];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = f[sliceIndices[i]];
        }
        String slice = String.join(SliceGroups.JOIN, parts);
        if (valueIndex < 0) {
            return new Row(slice, List.of(parts), Double.NaN);
        }
        try {
            double x = Double.parseDouble(f[valueIndex].trim());
            if (!Double.isFinite(x)) {
                throw new NumberFormatException();
            }
            return new Row(slice, List.of(parts), x);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file + " line " + lineNumber + ": " + value + " is '" + f[valueIndex]
                    + "'; expected a finite number");
        }
    }

    private static String[] fields(String file, String line, long lineNumber) {
        try {
            try (MappingIterator<String[]> it = LINE.readValues(line)) {
                return it.hasNext() ? it.next() : new String[0];
            }
        } catch (IOException e) {
            throw new InvalidInputException(file + " line " + lineNumber + ": not a CSV line (" + e.getMessage() + ")");
        }
    }
}
