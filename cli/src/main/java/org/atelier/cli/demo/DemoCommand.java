package org.atelier.cli.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.atelier.experiments.demo.DemoConfig;
import org.atelier.experiments.demo.DemoReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atelier demo}: the main job on the embedded default. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Render the demo report (reports/demo/index.html): Fashion-MNIST per class, "
                + "synthetic portraits per attribute with counts and 95%% intervals, and every mask kind with "
                + "its hole-area distribution; a small DCGAN and a style transfer trained by the shared loop; and "
                + "samples, RePaint fills and an outpainting from the published diffusion model (weights/). Uses the "
                + "embedded config unless --config is given."})
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "YAML", description = "Config file (default: the embedded demo.yaml, "
            + "also at configs/demo.yaml).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config value, e.g. "
            + "--set portraits.count=500 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--train", description = "Retrain the diffusion model from scratch by the shared loop (diffusion.config, "
            + "with diffusion.train_steps if set; hours on CPU) and use it instead of the published weights.")
    boolean train;

    @Override
    public Integer call() {
        DemoConfig cfg = config == null ? DemoConfig.embedded(overrides) : DemoConfig.load(config, overrides);
        long start = System.nanoTime();
        Path page = DemoReport.write(cfg, cfg.outDir(), train, section -> System.err.println("demo: " + section));
        System.out.printf("report written to %s (%.1f s)%n", page, (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
