package org.atelier.datasets.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;

/**
 * A CSV file with a header row (RFC 4180 quoting, UTF-8 with or without BOM), parsed by
 * jackson-dataformat-csv. Cells are trimmed; blank lines are skipped; a row with more or fewer
 * cells than the header is refused.
 *
 * @param file    where it was read from
 * @param columns header names, in file order
 * @param rows    data rows, each a column → cell map; row {@code n} (1-based, header excluded)
 *                is {@code rows.get(n - 1)}
 */
public record CsvTable(Path file, List<String> columns, List<Map<String, String>> rows) {
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
            .build();

    public CsvTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * @throws InvalidInputException when the file does not exist
     * @throws CorruptFileException  when it is not CSV with a header of distinct, non-blank names
     */
    public static CsvTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such CSV file");
        }
        try (InputStream in = Files.newInputStream(file);
             MappingIterator<Map<String, String>> it = MAPPER.readerFor(new TypeReference<Map<String, String>>() { })
                     .with(CsvSchema.emptySchema().withHeader())
                     .readValues(in)) {
            List<Map<String, String>> rows = new ArrayList<>();
            while (it.hasNextValue()) {
                rows.add(it.nextValue());
            }
            List<String> columns = it.getParserSchema() instanceof CsvSchema s ? s.getColumnNames() : List.of();
            if (columns.isEmpty()) {
                throw new CorruptFileException(file, "empty CSV, expected a header row naming the columns");
            }
            Set<String> seen = new HashSet<>();
            for (String c : columns) {
                if (c.isBlank() || !seen.add(c)) {
                    throw new CorruptFileException(file, "header " + columns
                            + " has a blank or repeated column name, expected distinct names");
                }
            }
            return new CsvTable(file, columns, rows);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such CSV file");
        } catch (JsonProcessingException e) {
            throw new CorruptFileException(file, "malformed CSV: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new CorruptFileException(file, "could not be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Writes {@code rows} under a header of {@code columns} (RFC 4180 quoting, every cell as a
     * string, a missing cell empty), atomically, so that {@link #read} gives them back.
     */
    public static void write(Path file, List<String> columns, List<Map<String, String>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        List<Map<String, String>> complete = new ArrayList<>();
        for (Map<String, String> row : rows) {
            Map<String, String> r = new java.util.LinkedHashMap<>();
            columns.forEach(c -> r.put(c, row.getOrDefault(c, "")));
            complete.add(r);
        }
        try {
            org.atelier.core.io.AtomicFiles.writeString(file, MAPPER.writer(schema.build()).writeValueAsString(complete));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write CSV " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @throws InvalidInputException naming the file, the missing column and the columns present
     */
    public void requireColumns(String... names) {
        for (String n : names) {
            if (!columns.contains(n)) {
                throw new InvalidInputException(file + ": no '" + n + "' column (columns: "
                        + String.join(", ", columns) + ")");
            }
        }
    }
}
