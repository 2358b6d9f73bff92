package org.atelier.cli.evaluate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.atelier.experiments.compare.CompareReport;
import org.atelier.experiments.compare.ModelScores;
import org.atelier.experiments.sweep.Sweep;
import org.atelier.experiments.sweep.SweepConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atelier sweep CONFIG}: a grid of sampling settings for one model, in the comparison's report. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Sample one model at every point of a grid of sampling settings (sampler, steps, guidance, seed) "
                + "and score each point as 'atelier compare' scores a model: FID with a bootstrap interval, FID∞, KID, "
                + "precision/recall/density/coverage, class read-back and seconds per image, in one comparative report "
                + "(index.html, results.json, provenance.json). Example: atelier sweep "
                + "configs/sweep-ddpm-cond-fashion.yaml --spark 'local[2]'",
                "Without --spark the points run here one after another; with it each point is a Spark task, and the "
                        + "table is the same but for the measured times."})
public final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "Sweep config, e.g. configs/sweep-ddpm-cond-fashion.yaml.")
    Path config;

    @Option(names = "--spark", paramLabel = "MASTER", description = "Run the points as Spark tasks: local[*], "
            + "spark://host:7077 (docs/spark.md).")
    String spark;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config value, e.g. --set n=100 "
            + "(repeatable).")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        SweepConfig cfg = SweepConfig.load(config, overrides);
        long start = System.nanoTime();
        List<ModelScores> rows = Sweep.score(cfg, spark, System.err::println);
        CompareReport.Written w = Sweep.write(cfg, rows, spark, System.err::println);
        System.out.printf("report written to %s (%d points, %.1f s)%n", w.page(), rows.size(),
                (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
