package org.atelier.cli.audit;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.atelier.core.io.Json;
import org.atelier.datasets.DatasetCatalog;
import org.atelier.evaluation.audit.AuditTables;
import org.atelier.evaluation.audit.DatasetAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atelier audit dataset}: a dataset's slice shares against a reference distribution. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = {"Shares of a dataset's slices (or intersections) with Wilson 95 %% intervals, against a "
                + "reference distribution, with a chi-squared goodness-of-fit test and the total variation distance.",
                "NAME as in 'atelier datasets list'; portraits take shares, e.g. "
                        + "'portraits-32?skin_group=light:0.8,medium:0.1,dark:0.1&n=5000'."})
public final class AuditDatasetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Dataset name.")
    String name;

    @Option(names = "--by", required = true, split = ",", paramLabel = "COL[,COL]",
            description = "Slice columns; several give their intersections (slice names join values with ' × ').")
    List<String> by;

    @Option(names = "--reference", defaultValue = "uniform", paramLabel = "SHARES",
            description = "uniform, or SLICE:SHARE pairs, e.g. light:0.8,medium:0.1,dark:0.1 (default ${DEFAULT-VALUE}).")
    String reference;

    @Option(names = "--size", defaultValue = "64", paramLabel = "PX",
            description = "Side that image folders are brought to (default ${DEFAULT-VALUE}); attributes are read without images.")
    int size;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        DatasetAudit a = DatasetAudit.of(DatasetCatalog.open(name, size), by, reference, 0.95);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.pretty(a.toJson()) + System.lineSeparator() : AuditTables.of(a));
        out.flush();
        return 0;
    }
}
