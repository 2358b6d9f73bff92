package org.atelier.experiments.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.atelier.core.config.ConfigLoader;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.provenance.ProvenanceBuilder;
import org.atelier.datasets.fashion.FashionMnist;
import org.atelier.evaluation.report.HtmlReport;
import org.atelier.experiments.compare.CompareReport;
import org.atelier.experiments.compare.ModelScores;
import org.atelier.experiments.compare.SummaryTable;
import org.atelier.models.backend.Backends;

/**
 * {@code atelier sweep CONFIG [--spark MASTER]}: every point of a grid of sampling settings for
 * one model, scored as {@code atelier compare} scores a model, in one comparative report
 * ({@code index.html}, {@code results.json}, {@code provenance.json}) written by the comparison's
 * own code. Without a master the points run here one after the other; with one, each point is a
 * Spark task ({@link SweepEngine}) and the rows come back in grid order, equal to the in-process
 * rows except for the measured sampling time.
 */
public final class Sweep {
    private Sweep() {
    }

    /** The scored rows, one per point of {@link SweepConfig#points()}, in that order. */
    public static List<ModelScores> score(SweepConfig cfg, String master, Consumer<String> progress) {
        List<SweepPoint> points = cfg.points();
        if (master == null) {
            return SweepTask.score(cfg, points.iterator(), line -> progress.accept("sweep: " + line));
        }
        SweepEngine engine = ServiceLoader.load(SweepEngine.class).findFirst()
                .orElseThrow(() -> new InvalidInputException("--spark " + master + ": the spark module is not on the class "
                        + "path; start through ./atelier (which adds it when --spark is given) or spark-submit (docs/spark.md)"));
        progress.accept("sweep: " + points.size() + " points as Spark tasks on " + master);
        return engine.score(master, cfg, points);
    }

    /** Writes the report of scored rows; {@code master} (or null) is recorded in the provenance. */
    public static CompareReport.Written write(SweepConfig cfg, List<ModelScores> rows, String master,
                                              Consumer<String> progress) {
        var fashion = FashionMnist.embeddedTest();
        List<Long> seeds = cfg.grid().seed();
        HtmlReport report = new HtmlReport(cfg.outDir(), "Atelier — sampling sweep: " + cfg.name(),
                new ProvenanceBuilder().configHash(ConfigLoader.hash(cfg)).seed(seeds.get(0))
                        .dataset(fashion.id(), fashion.contentHash())
                        .backend(Backends.name(), Backends.nd4jVersion())
                        .extra("command", "atelier sweep")
                        .extra("ran_on", master == null ? "in-process" : "Spark " + master)
                        .extra("config", ConfigLoader.toYaml(cfg).replace('\n', ' ')).build());
        String seedText = seeds.size() == 1 ? "the same seed (" + seeds.get(0) + ")"
                : "the seed in its label (seeds " + seeds.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + "), the same for every setting";
        List<List<String>> summary = CompareReport.generationSection(report, rows, cfg.n(), cfg.fidResamples(),
                seedText);
        progress.accept("sweep: writing " + cfg.outDir().resolve("index.html"));
        Path page = report.write();
        return new CompareReport.Written(page, SummaryTable.HEADER, summary);
    }
}
