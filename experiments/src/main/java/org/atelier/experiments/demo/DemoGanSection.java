package org.atelier.experiments.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.atelier.datasets.ProjectRoot;
import org.atelier.evaluation.report.Charts;
import org.atelier.evaluation.report.HtmlReport;
import org.atelier.experiments.ReportFolders;
import org.atelier.training.MetricsLog;
import org.atelier.training.Runs;
import org.atelier.training.StopSignal;
import org.atelier.training.TrainResult;

/** The demo's GAN part: trains a small DCGAN by the shared loop, then charts its losses and grids. */
final class DemoGanSection {
    private final DemoConfig.Gan gan;
    private final Path runDir;

    /** @param runDir the demo's own run folder; a previous demo's run there is replaced */
    DemoGanSection(DemoConfig.Gan gan, Path runDir) {
        this.gan = gan;
        this.runDir = runDir;
    }

    void write(HtmlReport report) {
        ReportFolders.clear(runDir);
        Path config = ProjectRoot.path().resolve(gan.config());
        long every = Math.max(1, gan.steps() / 3);
        Runs.Outcome outcome = Runs.train(new Runs.Request(config,
                List.of("trainer.steps=" + gan.steps(), "trainer.sample_every=" + every,
                        "trainer.checkpoint_every=" + gan.steps(), "trainer.log_every=" + Math.max(1, gan.steps() / 60)),
                Optional.of(runDir.getFileName().toString()), Optional.empty(), runDir.getParent(),
                StopSignal.onShutdown(), System.console() != null, List.of()));
        TrainResult r = outcome.result();
        HtmlReport.Section s = report.section("A small DCGAN, trained by the shared loop",
                String.format("DCGAN-28 (%s) trained for %d steps of batch %d on the embedded Fashion-MNIST split: "
                                + "%.0f s wall time, %.1f images/s. Grids are drawn from the same fixed noise with "
                                + "the EMA weights. The run folder is %s (sample it with 'atelier sample %s').",
                        gan.config(), r.step(), outcome.config().trainer().batchSize(), r.wallSeconds(),
                        r.imagesPerSecond(), runDir, runDir));
        List<Map<String, Double>> rows = MetricsLog.read(outcome.dir().metrics());
        Map<String, Map<Double, Double>> losses = new LinkedHashMap<>();
        for (Map<String, Double> row : rows) {
            row.forEach((k, v) -> {
                if (k.endsWith("_loss")) {
                    losses.computeIfAbsent(k, x -> new LinkedHashMap<>()).put(row.get("step"), v);
                }
            });
        }
        s.chart("gan-losses", "Discriminator and generator losses per step (metrics.jsonl)",
                Charts.lines("DCGAN-28 losses", "step", "loss", losses), 760, 360);
        for (Path grid : sampleGrids()) {
            try {
                String name = "gan-" + grid.getFileName().toString().replace(".png", "");
                s.figure(name, "Samples at " + grid.getFileName().toString().replace(".png", "").replace('-', ' '),
                        ImageIO.read(grid.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        report.result("gan", Map.of("config", gan.config(), "steps", r.step(), "wall_s", r.wallSeconds(),
                "images_per_s", r.imagesPerSecond(), "run", runDir.toString(),
                "final_losses", rows.isEmpty() ? Map.of() : rows.get(rows.size() - 1)));
    }

    private List<Path> sampleGrids() {
        Path samples = runDir.resolve("samples");
        try (Stream<Path> files = Files.list(samples)) {
            return files.filter(f -> f.toString().endsWith(".png")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no sample grids in " + samples + ": " + e.getMessage(), e);
        }
    }
}
