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
 * line): the slice column and, optionally, a numeric value column. Lines are parsed one at a
 * time (Jackson's CSV parser, quotes allowed within a line), so a file split anywhere between
 * lines — a Spark partition — parses as it does whole.
 *
 * @param file       the file, for messages
 * @param sliceIndex position of the slice column
 * @param valueIndex position of the value column, or −1
 */
public record SliceCsv(String file, String by, String value, int sliceIndex, int valueIndex) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectReader LINE = new CsvMapper().readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY);

    /** One data line: its slice and value (NaN without a value column). */
    public record Row(String slice, double value) {
    }

    /** Reads the header; {@code value} may be null (shares only). */
    public static SliceCsv of(String file, String header, String by, String value) {
        List<String> columns = Arrays.asList(fields(file, header, 1));
        int s = columns.indexOf(by);
        if (s < 0) {
            throw new InvalidInputException(file + ": no column '" + by + "' for --by; columns: " + String.join(", ", columns));
        }
        int v = value == null ? -1 : columns.indexOf(value);
        if (value != null && v < 0) {
            throw new InvalidInputException(file + ": no column '" + value + "' for --value; columns: "
                    + String.join(", ", columns));
        }
        return new SliceCsv(file, by, value, s, v);
    }

    /** @param lineNumber 1-based, for messages */
    public Row parse(String line, long lineNumber) {
        String[] f = fields(file, line, lineNumber);
        int need = Math.max(sliceIndex, valueIndex) + 1;
        if (f.length < need) {
            throw new InvalidInputException(file + " line " + lineNumber + ": " + f.length + " fields, expected at least "
                    + need);
        }
        if (valueIndex < 0) {
            return new Row(f[sliceIndex], Double.NaN);
        }
        try {
            double x = Double.parseDouble(f[valueIndex].trim());
            if (!Double.isFinite(x)) {
                throw new NumberFormatException();
            }
            return new Row(f[sliceIndex], x);
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
