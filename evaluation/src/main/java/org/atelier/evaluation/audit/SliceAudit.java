package org.atelier.evaluation.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.atelier.core.errors.InvalidInputException;

/**
 * A slice audit of a per-sample CSV file in one streaming pass: shares of the slices of one
 * column, and per slice the mean of a value column with a Poisson bootstrap interval
 * ({@link SliceAggregate}). Memory is one aggregate, whatever the number of rows; the Spark
 * module computes the same JSON from partitions of the file.
 */
public final class SliceAudit {
    private SliceAudit() {
    }

    /**
     * The options of one audit.
     *
     * @param by        the slice columns; with several, slices are their intersections
     * @param value     the value column, or null for shares only
     * @param resamples Poisson bootstrap replicates
     * @param seed      seed of the replicate weights
     */
    public record Options(List<String> by, String value, int resamples, long seed) implements java.io.Serializable {
        public Options {
            if (by == null || by.isEmpty()) {
                throw new InvalidInputException("slices need at least one attribute column to group by");
            }
            by = List.copyOf(by);
        }

        /** One slice column. */
        public Options(String by, String value, int resamples, long seed) {
            this(List.of(by), value, resamples, seed);
        }
    }

    /**
     * The audit run here, or on Spark when {@code master} is given (the spark module, found on
     * the class path; see {@link SliceEngine}).
     */
    public static SliceAggregate run(Path csv, Options o, String master) {
        if (master == null) {
            return of(csv, o);
        }
        SliceEngine engine = ServiceLoader.load(SliceEngine.class).findFirst()
                .orElseThrow(() -> new InvalidInputException("--spark " + master + ": the spark module is not on the class "
                        + "path; start through ./atelier (which adds it when --spark is given) or spark-submit (docs/spark.md)"));
        return engine.run(master, csv, o);
    }

    /**
     * {@code audit slices}: the {@link SliceFrame} of a per-sample table. Without a master the
     * table is read into memory and every test is available ({@link SliceFrame#of}); with one,
     * the Spark module aggregates it ({@link SliceAggregate#toFrame}): same shares, intervals and
     * χ² tests; means with Poisson bootstrap intervals and Welch's test.
     */
    public static SliceFrame frame(Path csv, String value, List<String> by, SliceOptions o, String master) {
        if (master == null) {
            SliceTableCsv t = SliceTableCsv.read(csv, value, by);
            return SliceFrame.of(value, t.values(), t.attributes(), by, o);
        }
        return run(csv, new Options(by, value, o.bootstrap(), o.seed()), master).toFrame(o);
    }

    /** The test of means when none is asked: Mann–Whitney on the values, Welch on Spark's sums. */
    public static SliceOptions.ValueTest defaultTest(String master) {
        return master == null ? SliceOptions.ValueTest.MANN_WHITNEY : SliceOptions.ValueTest.WELCH;
    }

    public static SliceAggregate of(Path csv, Options o) {
        if (!Files.isRegularFile(csv)) {
            throw new InvalidInputException(csv + ": no such CSV file");
        }
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new InvalidInputException(csv + ": empty file; expected a header line and one sample per line");
            }
            SliceCsv columns = SliceCsv.of(csv.toString(), header, o.by(), o.value());
            SliceAggregate agg = new SliceAggregate(o.by(), o.value(), o.resamples(), o.seed());
            long lineIndex = 0; // the header's: 0-based line indices seed the rows' weights, as a split file numbers them
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineIndex++;
                if (!line.isBlank()) {
                    SliceCsv.Row r = columns.parse(line, lineIndex + 1);
                    agg.add(lineIndex, r);
                }
            }
            return agg;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + csv + ": " + e.getMessage(), e);
        }
    }
}
