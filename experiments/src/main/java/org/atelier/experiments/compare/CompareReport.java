package org.atelier.experiments.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.atelier.core.config.ConfigLoader;
import org.atelier.core.errors.UserException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.core.image.ImageGrid;
import org.atelier.core.provenance.ProvenanceBuilder;
import org.atelier.datasets.fashion.FashionMnist;
import org.atelier.datasets.masks.Mask;
import org.atelier.evaluation.fidelity.CorrectedComparisons;
import org.atelier.evaluation.fidelity.FidelityEvaluation;
import org.atelier.evaluation.fidelity.FidelityReport;
import org.atelier.evaluation.fidelity.FidelityTables;
import org.atelier.evaluation.fidelity.Region;
import org.atelier.evaluation.fidelity.Summary;
import org.atelier.evaluation.report.HtmlReport;
import org.atelier.models.backend.Backends;
import org.atelier.models.features.FmnistV1;
import org.atelier.training.Runs;

/**
 * {@code atelier compare CONFIG}: the generator families on the same data, seeds, masks and
 * metrics (and the style-transfer methods on the same image pairs), in one report with intervals ({@code index.html}, {@code results.json},
 * {@code provenance.json}): {@code CompareReport.write(CompareConfig.load(file, List.of()), System.err::println)}.
 * A model whose weights are missing is listed as missing (with the commands that make it) rather
 * than failing the run.
 */
public final class CompareReport {
    /** Images shown per mask kind in the triptychs. */
    private static final int TRIPTYCH = 8;

    private final CompareConfig cfg;
    private final Consumer<String> progress;
    private final Path dir;
    private final Map<String, String> missing = new LinkedHashMap<>();
    private List<List<String>> summary = List.of();

    private CompareReport(CompareConfig cfg, Consumer<String> progress) {
        this.cfg = cfg;
        this.progress = progress;
        this.dir = cfg.outDir();
    }

    /** What a run wrote: the page, and its generation summary (header, then rows) for other reports to quote. */
    public record Written(Path page, List<String> header, List<List<String>> summary) {
    }

    /** Runs the comparison and writes the report. */
    public static Written write(CompareConfig cfg, Consumer<String> progress) {
        CompareReport r = new CompareReport(cfg, progress);
        Path page = r.write();
        return new Written(page, SummaryTable.HEADER, r.summary);
    }

    private Path write() {
        var fashion = FashionMnist.embeddedTest();
        HtmlReport report = new HtmlReport(dir, "Atelier — comparing generator families: " + cfg.name(),
                new ProvenanceBuilder().configHash(ConfigLoader.hash(cfg)).seed(cfg.seed())
                        .dataset(fashion.id(), fashion.contentHash())
                        .backend(Backends.name(), Backends.nd4jVersion())
                        .extra("command", "atelier compare")
                        .extra("config", ConfigLoader.toYaml(cfg).replace('\n', ' ')).build());
        FmnistV1 extractor = FmnistV1.load();
        List<ModelScores> models = generation(report, extractor);
        inpainting(report);
        if (cfg.styleTransfer() != null) {
            StyleTransferSection.write(report, cfg.styleTransfer(), cfg.seed(), dir.resolve("style-transfer"),
                    missing::put, progress);
        }
        if (!missing.isEmpty()) {
            report.section("Not compared", "Models and methods the config names that could not be loaded or run "
                    + "here; nothing is shown for them.").table(List.of("model", "why"), missing.entrySet().stream()
                    .map(e -> List.of(e.getKey(), e.getValue())).toList());
            report.result("missing", missing);
        }
        progress.accept("writing " + dir.resolve("index.html"));
        return report.write();
    }

    private List<ModelScores> generation(HtmlReport report, FmnistV1 extractor) {
        CompareConfig.Generation g = cfg.generation();
        progress.accept("generation: reference features and statistics");
        GenerationScoring scoring = new GenerationScoring(extractor, g.n(), g.fidResamples(), cfg.seed());
        List<ModelScores> models = new ArrayList<>();
        for (CompareConfig.Model m : g.models()) {
            Runs.Loaded loaded = loadOrNote(m.label(), m.model());
            if (loaded == null) {
                continue;
            }
            progress.accept("generation: " + m.label() + ", " + g.n() + " samples");
            models.add(scoring.score(m, loaded));
        }
        if (models.isEmpty()) {
            report.section("Generation", "No model could be loaded; see 'Not compared'.");
            return models;
        }
        summary = generationSection(report, models, g.n(), g.fidResamples(),
                String.format(Locale.ROOT, "the same seeds (seed %d)", cfg.seed()));
        return models;
    }

    /**
     * The generation section of a report — the summary table with intervals, the N-needed notes,
     * the charts, each model's samples — and its {@code generation} result, from rows scored
     * elsewhere ({@link GenerationScoring}). {@code atelier compare} and {@code atelier sweep}
     * both write it.
     *
     * @param seeds how the rows were seeded, in words ("the same seeds (seed 0)")
     * @return the summary table's rows (header {@link SummaryTable#HEADER})
     */
    public static List<List<String>> generationSection(HtmlReport report, List<ModelScores> models, int n,
                                                       int fidResamples, String seeds) {
        int dimension = models.get(0).fid().dimension();
        HtmlReport.Section s = report.section("Generation", String.format(Locale.ROOT, "Every model draws N = %d "
                        + "samples from %s. FID (extractor fmnist-v1, %d-d) against the committed "
                        + "statistics of the 10 000 Fashion-MNIST test images, with a %d-resample basic bootstrap 95 %% "
                        + "interval over the generated samples; FID∞ by the 1/N fit of 10 nested subsets; KID (100 subsets; "
                        + "its interval the same bootstrap over the generated samples, since KID's spread over subsets is "
                        + "zero when a subset holds all N) and precision/recall/density/coverage (k = 3) against %d test "
                        + "images spread over the split; "
                        + "for class-conditional models, the share of samples the extractor's classifier (92.09 %% on real "
                        + "test images) reads as the class asked, with Wilson intervals. Sampling time is wall time on this "
                        + "machine, which was shared with other jobs: compare times only within this table. ★ marks a "
                        + "column's best only where its interval is clear of every other model's.", n, seeds,
                dimension, fidResamples, n));
        List<List<String>> summary = SummaryTable.rows(models);
        s.table(SummaryTable.HEADER, summary);
        if (n < dimension) {
            s.text(String.format(Locale.ROOT, "Sample-size warning: N = %d is below the extractor's dimension (%d), so "
                    + "every FID here is biased upwards by an amount that depends on N and on the model; rank by FID∞ and "
                    + "KID, or rerun with a larger N.", n, dimension));
        }
        for (String line : SummaryTable.nNeeded(models)) {
            s.text("N needed — " + line);
        }
        s.chart("fid-vs-inverse-n", "FID of nested subsets of each model's samples against 1/N; the line is the "
                + "least-squares fit whose intercept is FID∞.", CompareCharts.fidAgainstInverseN(models), 760, 420);
        s.chart("prdc", "Precision and density: how much of the samples lies on the data; recall and coverage: how much "
                + "of the data the samples reach.", CompareCharts.prdc(models), 760, 380);
        s.chart("quality-vs-time", "FID against sampling seconds per image: the trade-off to pick from (times from a "
                + "shared machine).", CompareCharts.qualityAgainstTime(models), 760, 400);
        for (ModelScores m : models) {
            String classes = m.readback() != null ? "; columns: " + String.join(", ", FashionMnist.CLASS_NAMES) : "";
            s.figure("samples-" + slug(m.label()), m.label() + " — " + m.drawn() + " — first " + m.grid().size()
                    + " of the " + m.fid().nA() + " scored samples" + classes,
                    ImageGrid.labelled(List.of(new ImageGrid.Row(m.label() + ", " + m.drawn(), m.grid())),
                            m.gridColumns(), 2, true));
        }
        report.result("generation", Map.of("n", n, "models", models.stream().map(ModelScores::toJson).toList()));
        return summary;
    }

    private void inpainting(HtmlReport report) {
        CompareConfig.Inpainting c = cfg.inpainting();
        List<CompareConfig.Method> methods = new ArrayList<>();
        Map<String, Runs.Loaded> loaded = new LinkedHashMap<>();
        for (CompareConfig.Method m : c.methods()) {
            Runs.Loaded l = loadOrNote(m.label(), m.model());
            if (l != null) {
                methods.add(m);
                loaded.put(m.label(), l);
            }
        }
        if (methods.isEmpty()) {
            report.section("Inpainting", "No inpainting method could be loaded; see 'Not compared'.");
            return;
        }
        List<InpaintingScoring.Run> runs = new ArrayList<>();
        for (String kind : c.maskKinds()) {
            for (CompareConfig.Method m : methods) {
                progress.accept("inpainting: " + m.label() + " on " + kind + ", " + c.n() + " images");
                runs.add(InpaintingScoring.run(c, m, loaded.get(m.label()), kind, cfg.seed(),
                        dir.resolve("inpainting").resolve(slug(m.label())).resolve(slug(kind))));
            }
        }
        List<String> names = methods.stream().map(CompareConfig.Method::label).toList();
        List<CorrectedComparisons.Judged> judged = InpaintingScoring.compare(runs, names, c.maskKinds(), c.resamples(),
                cfg.seed());
        HtmlReport.Section s = report.section("Inpainting", String.format(Locale.ROOT, "The same %d images of %s and "
                        + "the same holes (one seed) for every method, per mask kind; scored on the hole, a %d-px seam band "
                        + "and the whole image (perceptual distance: fmnist-v1 LPIPS recipe). Every fill is also scored "
                        + "feathered (composited through the hole blurred with σ = %s px; the hole itself is unchanged). "
                        + "Paired differences per image with %d-resample bootstrap 95 %% intervals; p-values (paired t) "
                        + "adjusted by Holm across all %d tests of the table; a verdict only where the adjusted p ≤ 0.05 "
                        + "and the simultaneous interval excludes 0.%s", c.n(), c.dataset(), c.band(),
                c.feather(), c.resamples(), judged.size(),
                c.n() < CorrectedComparisons.SMALL_N ? String.format(Locale.ROOT, " Warning: only %d images per mask "
                        + "kind; intervals are rough below %d.", c.n(), CorrectedComparisons.SMALL_N) : ""));
        s.table(List.of("mask kind", "method", "mean hole", "hole PSNR", "hole SSIM", "hole perceptual", "band PSNR",
                "band PSNR feathered", "s / image"), meansTable(runs));
        s.table(List.of("comparison (B − A)", "metric", "A", "B", "B − A [95 % CI]", "p", "p Holm", "verdict"),
                judged.stream().map(CompareReport::judgedRow).toList());
        Map<String, Map<String, FidelityReport>> plain = new LinkedHashMap<>();
        Map<String, Map<String, FidelityReport>> band = new LinkedHashMap<>();
        for (InpaintingScoring.Run r : runs) {
            plain.computeIfAbsent(r.method(), k -> new LinkedHashMap<>()).put(r.maskKind(), r.plain());
            band.computeIfAbsent(r.method(), k -> new LinkedHashMap<>()).put(r.maskKind(), r.plain());
            if (r.feathered() != null) {
                band.computeIfAbsent(r.method() + ", feathered", k -> new LinkedHashMap<>()).put(r.maskKind(), r.feathered());
            }
        }
        s.chart("inpainting-hole-psnr", "Hole PSNR per mask kind (mean, whiskers ±1.96 standard errors).",
                CompareCharts.inpaintingBars("Hole PSNR by mask kind", Region.HOLE, "psnr", plain), 820, 420);
        s.chart("inpainting-band-psnr", "Seam-band PSNR per mask kind, plain and feathered (mean ± 1.96 SE).",
                CompareCharts.inpaintingBars("Seam-band PSNR by mask kind", Region.BAND, "psnr", band), 820, 420);
        for (String kind : c.maskKinds()) {
            s.figure("triptych-" + slug(kind), "Mask kind " + kind + ": original, masked (hole grey), then each "
                    + "method's fill of the same images", triptych(runs, names, kind));
        }
        s.text("Hole PSNR by hole-area bin (LaMa's ten bins), per run: see results.json (inpainting.runs[].by_area).");
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("n", c.n());
        res.put("runs", runs.stream().map(CompareReport::runJson).toList());
        res.put("tests", testsJson(judged));
        report.result("inpainting", res);
    }

    private static List<List<String>> meansTable(List<InpaintingScoring.Run> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (InpaintingScoring.Run r : runs) {
            var hole = r.plain().overall().get(Region.HOLE);
            rows.add(List.of(r.maskKind(), r.method(), String.format(Locale.ROOT, "%.1f %%", 100 * r.meanHole()),
                    psnr(r.plain(), Region.HOLE), mean(hole, "ssim"), mean(hole, "perceptual"), psnr(r.plain(), Region.BAND),
                    r.feathered() == null ? "—" : psnr(r.feathered(), Region.BAND),
                    String.format(Locale.ROOT, "%.2f", r.seconds() / r.plain().images().size())));
        }
        return rows;
    }

    /**
     * Mean PSNR ± std over the images whose fill is not exact on the region: an exact one (an all-black
     * scratch filled black) has an infinite PSNR, which would make the mean infinite. The paired tests
     * and the charts leave those images out too; the cell says how many.
     */
    static String psnr(FidelityReport report, Region region) {
        double[] all = report.images().stream().filter(i -> i.regions().containsKey(region))
                .mapToDouble(i -> i.regions().get(region).psnr()).filter(v -> !Double.isNaN(v)).toArray();
        double[] finite = java.util.Arrays.stream(all).filter(Double::isFinite).toArray();
        if (finite.length == 0) {
            return all.length == 0 ? "—" : "∞";
        }
        Summary x = Summary.of(finite);
        String exact = finite.length < all.length ? String.format(Locale.ROOT, " (%d exact, left out)",
                all.length - finite.length) : "";
        return String.format(Locale.ROOT, "%.3f ± %.3f%s", x.mean(), x.std(), exact);
    }

    private static String mean(Map<String, Summary> m, String metric) {
        if (m == null || m.get(metric) == null || m.get(metric).count() == 0) {
            return "—";
        }
        var x = m.get(metric);
        return Double.isInfinite(x.mean()) ? "∞" : String.format(Locale.ROOT, "%.3f ± %.3f", x.mean(), x.std());
    }

    /** A section's paired tests as results.json lists them. */
    static List<Map<String, Object>> testsJson(List<CorrectedComparisons.Judged> judged) {
        return judged.stream().map(j -> {
            Map<String, Object> m = new LinkedHashMap<>(j.toJson());
            m.put("comparison", j.key());
            m.put("metric", j.metric());
            return m;
        }).toList();
    }

    /** One row of a table of paired tests, for every section of the comparison. */
    static List<String> judgedRow(CorrectedComparisons.Judged j) {
        var p = j.comparison();
        String[] sides = j.key().split(" · ");
        String[] ab = sides[sides.length - 1].split(" → ");
        return List.of(j.key(), j.metric(), String.format(Locale.ROOT, "%.4f", p.meanA()),
                String.format(Locale.ROOT, "%.4f", p.meanB()),
                String.format(Locale.ROOT, "%+.4f [%+.4f, %+.4f]", p.meanDiff(), p.ciLow(), p.ciHigh()),
                Double.isNaN(p.pValue()) ? "n/a" : String.format(Locale.ROOT, "%.2g", p.pValue()),
                Double.isNaN(j.pHolm()) ? "n/a" : String.format(Locale.ROOT, "%.2g", j.pHolm()),
                FidelityTables.verdict(j.verdict(), ab[0], ab.length > 1 ? ab[1] : "B"));
    }

    private static Map<String, Object> runJson(InpaintingScoring.Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", r.method());
        m.put("mask_kind", r.maskKind());
        m.put("folder", r.dir().toString());
        m.put("mean_hole_fraction", r.meanHole());
        m.put("seconds", r.seconds());
        Map<String, Object> plain = r.plain().toJson();
        plain.remove("per_image");
        m.put("plain", plain);
        if (r.feathered() != null) {
            Map<String, Object> f = r.feathered().toJson();
            f.remove("per_image");
            m.put("feathered", f);
        }
        return m;
    }

    /** Original, masked and each method's fill of the first images, read back from the runs' folders. */
    private static java.awt.image.BufferedImage triptych(List<InpaintingScoring.Run> runs, List<String> methods,
                                                         String kind) {
        InpaintingScoring.Run first = InpaintingScoring.find(runs, methods.get(0), kind);
        int n = Math.min(TRIPTYCH, first.plain().images().size());
        List<Image> originals = new ArrayList<>();
        List<Image> masked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = String.format("%05d.png", i);
            Image original = ImageFiles.read(first.dir().resolve("reference").resolve(name));
            Mask mask = FidelityEvaluation.readMask(first.dir().resolve("masks").resolve(name));
            originals.add(original);
            masked.add(mask.greyOut(original));
        }
        List<ImageGrid.Row> rows = new ArrayList<>();
        rows.add(new ImageGrid.Row("masked", masked));
        for (String m : methods) {
            InpaintingScoring.Run r = InpaintingScoring.find(runs, m, kind);
            List<Image> fills = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                fills.add(ImageFiles.read(r.dir().resolve("filled").resolve(String.format("%05d.png", i))));
            }
            rows.add(new ImageGrid.Row("filled: " + m, fills));
        }
        rows.add(new ImageGrid.Row("original", originals));
        return ImageGrid.labelled(rows, n, 3, true);
    }

    /** The loaded model, or null with a note in 'Not compared' when its weights are not here. */
    private Runs.Loaded loadOrNote(String label, String model) {
        try {
            return GenerationScoring.load(model);
        } catch (UserException e) {
            missing.put(label, e.getMessage());
            progress.accept("skipping " + label + ": " + e.getMessage());
            return null;
        }
    }

    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
