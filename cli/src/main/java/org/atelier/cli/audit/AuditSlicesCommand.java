package org.atelier.cli.audit;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.atelier.core.io.Json;
import org.atelier.evaluation.audit.AuditTables;
import org.atelier.evaluation.audit.SliceAudit;
import org.atelier.evaluation.audit.SliceFrame;
import org.atelier.evaluation.audit.SliceOptions;
import org.atelier.evaluation.stats.MultipleTesting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atelier audit slices}: any per-sample table, broken down by slices. */
@Command(name = "slices", mixinStandardHelpOptions = true,
        description = {"A per-sample value of a CSV table broken down by slices of one or more columns (their "
                + "intersections with several): n, mean or share with a 95 %% interval, difference and ratio to the "
                + "reference, tests between slices with adjusted p-values, and disparity flags.",
                "A column of only 0 and 1 is taken as a share (Wilson intervals, chi-squared tests); any other as a "
                        + "mean (seeded percentile bootstrap).",
                "--spark runs it as a Spark aggregation (docs/spark.md): the same shares, intervals and tests; means "
                        + "with a Poisson bootstrap interval (weights seeded by row) and Welch's test."})
public final class AuditSlicesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--table", required = true, paramLabel = "CSV", description = "Per-sample table with a header row.")
    Path table;

    @Option(names = "--value", required = true, paramLabel = "COL", description = "The numeric column to break down.")
    String value;

    @Option(names = "--by", required = true, split = ",", paramLabel = "COL[,COL]",
            description = "Slice columns; several give their intersections.")
    List<String> by;

    @Option(names = "--reference", paramLabel = "SLICE",
            description = "Compare each slice with this slice instead of the overall value.")
    String reference;

    @Option(names = "--bootstrap", defaultValue = "" + SliceOptions.DEFAULT_BOOTSTRAP, paramLabel = "N",
            description = "Bootstrap resamples for means (default ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of the resamples (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--min-size", defaultValue = "" + SliceOptions.DEFAULT_MIN_SIZE, paramLabel = "M",
            description = "Slices with fewer samples are reported too small (default ${DEFAULT-VALUE}).")
    int minSize;

    @Option(names = "--test", paramLabel = "T",
            description = "Test for means: mann-whitney or welch (default mann-whitney; welch with --spark, which "
                    + "cannot rank).")
    String test;

    @Option(names = "--correction", defaultValue = "holm", paramLabel = "C",
            description = "p-value adjustment across the frame: holm or bh (default ${DEFAULT-VALUE}).")
    String correction;

    @Option(names = "--mean", description = "Take the value as a mean even when it holds only 0 and 1.")
    boolean mean;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--spark", paramLabel = "MASTER", description = "Run on Apache Spark: local[*], spark://host:7077 "
            + "(docs/spark.md).")
    String spark;

    @Override
    public Integer call() {
        SliceOptions o = SliceOptions.defaults(seed).withBootstrap(bootstrap).withMinSize(minSize)
                .withTests(test == null ? SliceAudit.defaultTest(spark) : SliceOptions.ValueTest.parse(test),
                        parseCorrection(correction))
                .withReference(reference == null ? SliceOptions.Reference.OVERALL : new SliceOptions.Reference(reference))
                .withMeasure(mean ? SliceOptions.Measure.MEAN : SliceOptions.Measure.AUTO);
        SliceFrame f = SliceAudit.frame(table, value, by, o, spark);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.pretty(f.toJson()) + System.lineSeparator() : AuditTables.of(f));
        out.flush();
        return 0;
    }

    static MultipleTesting.Method parseCorrection(String s) {
        try {
            return MultipleTesting.Method.parse(s);
        } catch (IllegalArgumentException e) {
            throw new org.atelier.core.errors.InvalidSettingException("correction", "must be holm or bh, got '" + s + "'");
        }
    }
}
