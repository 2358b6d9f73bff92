package org.atelier.cli.evaluate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.atelier.experiments.compare.CompareConfig;
import org.atelier.experiments.compare.CompareReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atelier compare CONFIG}: the comparative report across generator families. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare generator families on the same data, seeds, masks and metrics, and write one report "
                + "with intervals (index.html, results.json, provenance.json): FID with a bootstrap interval, FID∞, KID, "
                + "precision/recall/density/coverage and class read-back per model; inpainting per mask kind with "
                + "paired differences, Holm-corrected. Example: atelier compare configs/compare-fashion.yaml --quick"})
public final class CompareFamiliesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "Comparison config, e.g. configs/compare-fashion.yaml.")
    Path config;

    @Option(names = "--quick", description = "The config's quick: sizes (fewer samples, images, steps and mask kinds), "
            + "into <out>-quick; minutes instead of hours.")
    boolean quick;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config value, e.g. "
            + "--set generation.n=500 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        CompareConfig cfg = CompareConfig.load(config, overrides);
        long start = System.nanoTime();
        Path page = CompareReport.write(quick ? cfg.quickened() : cfg, line -> System.err.println("compare: " + line)).page();
        System.out.printf("report written to %s (%.1f s)%n", page, (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
