package org.atelier.experiments.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.atelier.datasets.DatasetGrids;
import org.atelier.core.config.ConfigLoader;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageGrid;
import org.atelier.core.provenance.ProvenanceBuilder;
import org.atelier.core.random.Seeds;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.ProjectRoot;
import org.atelier.datasets.SampleImages;
import org.atelier.datasets.Slices;
import org.atelier.datasets.fashion.FashionMnist;
import org.atelier.datasets.masks.Mask;
import org.atelier.datasets.masks.MaskGenerator;
import org.atelier.datasets.masks.MaskKinds;
import org.atelier.datasets.portraits.SyntheticPortraits;
import org.atelier.evaluation.audit.DatasetAudit;
import org.atelier.evaluation.audit.ShareTable;
import org.atelier.experiments.audit.TrainingSetSection;
import org.atelier.evaluation.report.Charts;
import org.atelier.evaluation.report.HtmlReport;
import org.atelier.experiments.compare.CompareConfig;
import org.atelier.experiments.compare.CompareReport;
import org.atelier.models.backend.Backends;

/**
 * The report of {@code atelier demo}: {@code DemoReport.write(DemoConfig.embedded(List.of()), dir, false, System.err::println)}
 * renders every section the config turns on into {@code dir/index.html} (and results.json,
 * provenance.json, charts and images), saying which section it is in as it goes.
 */
public final class DemoReport {
    /** LaMa reports inpainting quality in ten bins of hole area; the gallery uses the same bins. */
    private static final int AREA_BINS = 10;

    private final DemoConfig cfg;
    private final Path dir;
    private final boolean trainDiffusion;
    private final Consumer<String> progress;

    private DemoReport(DemoConfig cfg, Path dir, boolean trainDiffusion, Consumer<String> progress) {
        this.cfg = cfg;
        this.dir = dir;
        this.trainDiffusion = trainDiffusion;
        this.progress = progress;
    }

    /**
     * @param dir            the report folder (created; the demo's own run folders in it are replaced)
     * @param trainDiffusion retrain the diffusion model from scratch instead of loading the published one
     * @param progress       told "[k/n] section" as each section starts
     * @return the page, {@code dir/index.html}
     */
    public static Path write(DemoConfig cfg, Path dir, boolean trainDiffusion, Consumer<String> progress) {
        return new DemoReport(cfg, dir, trainDiffusion, progress).write();
    }

    private Path write() {
        ImageDataset fashion = FashionMnist.embeddedTest();
        SyntheticPortraits portraits = new SyntheticPortraits(cfg.portraits());
        ImageDataset samples = SampleImages.dataset(128);
        ProvenanceBuilder provenance = new ProvenanceBuilder()
                .configHash(ConfigLoader.hash(cfg)).seed(cfg.seed())
                .dataset(fashion.id(), fashion.contentHash())
                .dataset(portraits.id(), portraits.contentHash())
                .dataset(samples.id(), samples.contentHash())
                .extra("command", "atelier demo")
                .extra("config", ConfigLoader.toYaml(cfg).replace('\n', ' '));
        if (cfg.gan().steps() > 0 || cfg.stylize().steps() > 0 || cfg.diffusion().on()
                || cfg.prompts().on()) {
            // the model sections run on ND4J: name the backend they will use
            provenance.backend(Backends.name(), Backends.nd4jVersion());
        }
        HtmlReport report = new HtmlReport(dir, "Atelier — demo: data, masks and the three generator families", provenance.build());
        List<Runnable> sections = new ArrayList<>();
        List<String> names = new ArrayList<>();
        add(sections, names, "Fashion-MNIST", () -> fashionSection(report, fashion));
        add(sections, names, "synthetic portraits", () -> portraitSection(report, portraits));
        add(sections, names, "audit of the portraits' skin groups", () -> auditSection(report, portraits));
        add(sections, names, "inpainting masks", () -> maskSection(report, fashion));
        if (cfg.gan().steps() > 0) {
            add(sections, names, "a small DCGAN, " + cfg.gan().steps() + " training steps",
                    () -> new DemoGanSection(cfg.gan(), dir.resolve("gan-run")).write(report));
        }
        if (cfg.stylize().steps() > 0) {
            add(sections, names, "style transfer, " + cfg.stylize().steps() + " steps",
                    () -> DemoStyleSection.write(report, cfg.stylize(), dir.resolve("stylize-runs")));
        }
        if (cfg.diffusion().on()) {
            add(sections, names, "diffusion: sampling, inpainting, outpainting",
                    () -> new DemoDiffusionSection(cfg.diffusion(), cfg.seed(), dir, trainDiffusion).write(report));
        }
        if (cfg.prompts().on()) {
            add(sections, names, "diffusion: prompts on portraits",
                    () -> new DemoPromptSection(cfg.prompts(), cfg.seed()).write(report));
        }
        if (cfg.comparison().enabled()) {
            add(sections, names, "the quick comparison of the families", () -> comparisonSection(report));
        }
        add(sections, names, "sample photos and paintings", () -> report.section("Sample photos and paintings",
                "Content photos and style paintings shipped in " + SampleImages.FOLDER
                        + " (public domain / CC0), centre-cropped to 128 px.")
                .figure("samples", "role=content and role=style", DatasetGrids.byColumn(samples, "role", 4, cfg.seed())));
        for (int i = 0; i < sections.size(); i++) {
            progress.accept(String.format("[%d/%d] %s", i + 1, sections.size(), names.get(i)));
            sections.get(i).run();
        }
        return report.write();
    }

    /** The quick comparison, written to compare/ inside the demo folder, quoted by its summary table. */
    private void comparisonSection(HtmlReport report) {
        CompareConfig quick = CompareConfig.load(ProjectRoot.path().resolve(cfg.comparison().config()), List.of())
                .quickened().writingTo(dir.resolve("compare").toString());
        CompareReport.Written w = CompareReport.write(quick, line -> progress.accept("  compare: " + line));
        report.section("Comparing the families (quick)", "The quick variant of 'atelier compare "
                        + cfg.comparison().config() + " --quick': the same seeds, N, masks and metrics for every model, "
                        + "intervals on every value. The full report, with the charts, inpainting tests, style-transfer "
                        + "scores and sample grids: compare/index.html.")
                .table(w.header(), w.summary());
        report.result("comparison", Map.of("page", "compare/index.html", "config", cfg.comparison().config()));
    }

    private static void add(List<Runnable> sections, List<String> names, String name, Runnable section) {
        sections.add(section);
        names.add(name);
    }

    private void fashionSection(HtmlReport report, ImageDataset ds) {
        Map<String, Integer> counts = Slices.counts(ds, Slices.CLASS);
        report.section("Fashion-MNIST", "The " + ds.size() + "-image test split embedded in the repository (MIT "
                        + "licence, Zalando SE), 28×28 grey; " + cfg.fashion().perClass() + " random samples per class.")
                .figure("fashion-by-class", "Samples per class", DatasetGrids.byColumn(ds, Slices.CLASS,
                        cfg.fashion().perClass(), cfg.seed()))
                .chart("fashion-counts", "Images per class", Charts.bars("Fashion-MNIST test split", "images",
                        Map.of("images", counts)), 640, 340);
        report.result("fashion_mnist", Map.of("id", ds.id(), "sha256", ds.contentHash(), "counts", counts));
    }

    private void portraitSection(HtmlReport report, SyntheticPortraits ds) {
        HtmlReport.Section s = report.section("Synthetic portraits", ds.size() + " portraits of " + ds.width() + "×"
                + ds.height() + " px rendered from seed " + cfg.portraits().seed() + " with the configured shares "
                + (cfg.portraits().shares() == null ? "(all uniform)" : cfg.portraits().shares())
                + "; attributes not configured are uniform. Each value's share carries a 95% Wilson interval.");
        for (String attribute : cfg.portraitGrids().by()) {
            s.figure("portraits-by-" + attribute, "Portraits by " + attribute,
                    DatasetGrids.byColumn(ds, attribute, cfg.portraitGrids().perValue(), cfg.seed()));
        }
        List<List<String>> rows = new ArrayList<>();
        Map<String, Object> results = new LinkedHashMap<>();
        for (String attribute : ds.attributeNames()) {
            Map<String, Integer> counts = Slices.counts(ds, attribute);
            s.chart("portraits-counts-" + attribute, "Portraits per " + attribute,
                    Charts.bars(attribute, "portraits", Map.of("portraits", counts)), 420, 280);
            ShareTable shares = ShareTable.of(attribute, counts, ds.size());
            for (ShareTable.Share r : shares.rows()) {
                rows.add(List.of(attribute, r.value(), String.valueOf(r.count()), pct(r.share()),
                        pct(r.ciLow()) + " – " + pct(r.ciHigh())));
            }
            results.put(attribute, shares.toJson());
        }
        s.table(List.of("attribute", "value", "count", "share", "95% interval"), rows);
        report.result("portraits", Map.of("id", ds.id(), "sha256", ds.contentHash(), "n", ds.size(), "attributes", results));
    }

    /** The portraits' skin groups against equal shares: what `atelier audit dataset` prints, as a section. */
    private static void auditSection(HtmlReport report, SyntheticPortraits portraits) {
        DatasetAudit audit = DatasetAudit.of(portraits, List.of("skin_group"), null, ShareTable.LEVEL);
        TrainingSetSection.write(report, "Audit: skin groups of the synthetic portraits", audit, "skin_group", true);
        report.result("audit", audit.toJson());
    }

    private void maskSection(HtmlReport report, ImageDataset fashion) {
        DemoConfig.Masks m = cfg.masks();
        HtmlReport.Section s = report.section("Inpainting masks", "White = hole to fill (mask value 1), black = keep. "
                + m.perKind() + " masks of " + m.size() + "×" + m.size() + " per kind, then each kind at 28×28 over "
                + "Fashion-MNIST images; hole areas measured over " + m.areaSamples()
                + " draws per kind.");
        List<List<String>> rows = new ArrayList<>();
        Map<String, Map<String, Integer>> histograms = new LinkedHashMap<>();
        Map<String, Object> results = new LinkedHashMap<>();
        List<ImageGrid.Row> applied = new ArrayList<>();
        for (String spec : m.kinds()) {
            MaskGenerator gen = MaskKinds.parse(spec);
            SplittableRandom rng = new SplittableRandom(Seeds.derive(cfg.seed(), "demo/masks/" + spec));
            List<Image> tiles = new ArrayList<>();
            List<Mask> drawn = new ArrayList<>();
            for (int i = 0; i < m.perKind(); i++) {
                Mask mask = gen.generate(m.size(), m.size(), rng);
                drawn.add(mask);
                tiles.add(mask.toImage());
            }
            Mask small = gen.generate(fashion.height(), fashion.width(),
                    new SplittableRandom(Seeds.derive(cfg.seed(), "demo/masks/applied/" + spec)));
            applied.add(new ImageGrid.Row(gen.kind(), List.of(small.greyOut(fashion.get(0).image()),
                    small.greyOut(fashion.get(1).image()), small.toImage())));
            s.figure("masks-" + fileName(spec), gen.kind(),
                    ImageGrid.labelled(List.of(new ImageGrid.Row(gen.kind(), tiles)), m.perKind(),
                            Math.max(1, 128 / m.size()), true));
            double[] areas = areas(gen, rng, m, drawn);
            java.util.Arrays.sort(areas);
            Map<String, Integer> hist = histogram(areas);
            histograms.put(gen.kind(), hist);
            double mean = java.util.Arrays.stream(areas).average().orElse(0);
            rows.add(List.of(gen.kind(), pct(mean), pct(quantile(areas, 0.1)), pct(quantile(areas, 0.5)),
                    pct(quantile(areas, 0.9)), pct(areas[areas.length - 1])));
            results.put(gen.kind(), Map.of("mean", mean, "p10", quantile(areas, 0.1), "median", quantile(areas, 0.5),
                    "p90", quantile(areas, 0.9), "max", areas[areas.length - 1], "bins", hist));
        }
        s.figure("masks-applied", "Each kind drawn at 28×28 over two Fashion-MNIST images (hole mid-grey), and the mask",
                ImageGrid.labelled(applied, 3, 3, true));
        s.table(List.of("kind", "mean hole area", "10th pct", "median", "90th pct", "max"), rows);
        s.chart("mask-area-bins", "Masks per hole-area bin (LaMa's ten bins), " + m.areaSamples() + " per kind",
                Charts.bars("Hole area of " + m.size() + "×" + m.size() + " masks", "masks", histograms), 900, 380);
        report.result("masks", Map.of("size", m.size(), "samples_per_kind", m.areaSamples(), "kinds", results));
    }

    /** The drawn gallery masks plus further draws up to {@code areaSamples}, as hole fractions. */
    private static double[] areas(MaskGenerator gen, SplittableRandom rng, DemoConfig.Masks m, List<Mask> drawn) {
        double[] areas = new double[m.areaSamples()];
        for (int i = 0; i < areas.length; i++) {
            areas[i] = i < drawn.size() ? drawn.get(i).holeFraction()
                    : gen.generate(m.size(), m.size(), rng).holeFraction();
        }
        return areas;
    }

    private static Map<String, Integer> histogram(double[] areas) {
        Map<String, Integer> hist = new LinkedHashMap<>();
        for (int b = 0; b < AREA_BINS; b++) {
            hist.put(b * 10 + "–" + (b + 1) * 10 + "%", 0);
        }
        List<String> keys = new ArrayList<>(hist.keySet());
        for (double a : areas) {
            int b = Math.min(AREA_BINS - 1, (int) (a * AREA_BINS));
            hist.merge(keys.get(b), 1, Integer::sum);
        }
        return hist;
    }

    /** Quantile of sorted values by the nearest-rank method. */
    private static double quantile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String fileName(String spec) {
        return spec.replaceAll("[^A-Za-z0-9-]+", "_");
    }

    private static String pct(double v) {
        return String.format("%.1f%%", 100 * v);
    }
}
