package org.atelier.evaluation.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.io.TextLines;

/**
 * Feature vectors supplied by the user: a {@code .csv} file with one sample per row, floats
 * separated by commas, no header; every row the same length. Blank lines are skipped.
 */
public final class CsvFeatureSource implements FeatureSource {
    private static final int BATCH = 256;
    private final Path file;

    public CsvFeatureSource(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such feature file");
        }
        this.file = file;
    }

    @Override
    public String describe() {
        return "feature file " + file;
    }

    @Override
    public boolean userFeatures() {
        return true;
    }

    @Override
    public void stream(Consumer<float[][]> batches) {
        try (TextLines in = TextLines.open(file)) {
            List<float[]> batch = new ArrayList<>(BATCH);
            int width = -1;
            for (String line; (line = in.next()) != null; ) {
                int lineNo = in.number();
                if (line.isBlank()) {
                    continue;
                }
                float[] row = parse(line, lineNo);
                if (width < 0) {
                    width = row.length;
                } else if (row.length != width) {
                    throw new CorruptFileException(file, "line " + lineNo + " has " + row.length
                            + " values; the first row has " + width);
                }
                batch.add(row);
                if (batch.size() == BATCH) {
                    batches.accept(batch.toArray(new float[0][]));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                batches.accept(batch.toArray(new float[0][]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private float[] parse(String line, int lineNo) {
        String[] parts = line.split(",", -1);
        float[] row = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            try {
                row[i] = Float.parseFloat(p);
            } catch (NumberFormatException e) {
                throw new CorruptFileException(file, "line " + lineNo + ", column " + (i + 1) + ": '" + p
                        + "' is not a number (expected comma-separated floats, no header)");
            }
            if (!Float.isFinite(row[i])) {
                throw new CorruptFileException(file, "line " + lineNo + ", column " + (i + 1) + ": value " + p
                        + " is not finite");
            }
        }
        return row;
    }
}
