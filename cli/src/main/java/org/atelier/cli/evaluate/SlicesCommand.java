package org.atelier.cli.evaluate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.atelier.cli.OldSpellings;
import org.atelier.core.io.Json;
import org.atelier.evaluation.audit.SliceAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code atelier metrics slices}, deprecated: {@code audit slices} is the slice command, on one
 * machine or with {@code --spark}. Kept for one release with its old options and JSON, hidden
 * from the help, warning on each use (docs/cli.md).
 */
@Command(name = "slices", mixinStandardHelpOptions = true, hidden = true,
        description = {"Shares of the slices of one column of a per-sample CSV (Wilson 95 %% intervals) and, with --value, "
                + "the mean of a value column per slice with a Poisson bootstrap interval (weights seeded by row).",
                "Streams the file: memory does not grow with its length. --spark runs it as a Spark aggregation with the "
                        + "same result."})
public final class SlicesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "Per-sample CSV with a header line.")
    Path csv;

    @Option(names = "--by", required = true, paramLabel = "COLUMN", description = "The slice column.")
    String by;

    @Option(names = "--value", paramLabel = "COLUMN", description = "A numeric column to average per slice.")
    String value;

    @Option(names = "--resamples", defaultValue = "1000", paramLabel = "B",
            description = "Poisson bootstrap replicates (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of the bootstrap weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--spark", paramLabel = "MASTER", description = "Run on Apache Spark: local[*], spark://host:7077 (docs/spark.md).")
    String spark;

    @Override
    public Integer call() {
        OldSpellings.use("'metrics slices'", "'audit slices --table FILE --value COLUMN --by COLUMN [--spark MASTER]'",
                null);
        var result = SliceAudit.run(csv, new SliceAudit.Options(by, value, resamples, seed), spark);
        PrintWriter out = spec.commandLine().getOut();
        out.println(Json.pretty(result.toJson()));
        out.flush();
        return 0;
    }
}
