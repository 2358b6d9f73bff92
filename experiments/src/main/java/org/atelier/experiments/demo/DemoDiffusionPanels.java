package org.atelier.experiments.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.atelier.core.image.ImageStrip;
import org.atelier.core.errors.ConfigException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageGrid;
import org.atelier.core.random.Seeds;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Sample;
import org.atelier.datasets.fashion.FashionMnist;
import org.atelier.datasets.masks.Mask;
import org.atelier.datasets.masks.MaskGenerator;
import org.atelier.datasets.masks.MaskKinds;
import org.atelier.evaluation.report.HtmlReport;
import org.atelier.models.diffusion.Condition;
import org.atelier.models.diffusion.ConditioningKind;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.models.diffusion.Outpainting;
import org.atelier.models.diffusion.RePaintOptions;
import org.atelier.models.diffusion.RePaintSchedule;
import org.atelier.models.diffusion.SamplingOptions;
import org.atelier.models.diffusion.TrajectoryRecorder;
import org.atelier.training.DataSources;
import org.atelier.training.config.RunConfig;

/**
 * The three figures of the demo's diffusion section, each timed: a DDIM grid (one column per class),
 * RePaint fills of test images under drawn masks (original | masked | filled rows), and one
 * outpainting. Every random draw derives from the demo seed.
 */
final class DemoDiffusionPanels {
    /** RePaint as published (Lugmayr et al. 2022, section 5: T = 250, j = 10, r = 10), for the caption's comparison. */
    private static final int[] PAPER_SCHEDULE = {250, 10, 10};

    private final DemoConfig.Diffusion cfg;
    private final long seed;
    private final DiffusionModel model;
    private final RunConfig runConfig;

    DemoDiffusionPanels(DemoConfig.Diffusion cfg, long seed, DiffusionModel model, RunConfig runConfig) {
        this.cfg = cfg;
        this.seed = seed;
        this.model = model;
        this.runConfig = runConfig;
    }

    /** Adds the figures and a timing table to {@code s}; returns the results.json entries. */
    Map<String, Object> write(HtmlReport.Section s) {
        long start = System.nanoTime();
        List<List<String>> timings = new ArrayList<>();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("grid", grid(s, timings));
        ImageDataset data = testImages();
        RePaintOptions repaint = RePaintOptions.defaults(cfg.guidance())
                .withSteps(cfg.inpaint().steps(), cfg.inpaint().jumpLength(), cfg.inpaint().jumpCount());
        results.put("inpaint", inpaint(s, timings, data, repaint));
        results.put("outpaint", outpaint(s, timings, data, repaint));
        double total = seconds(start);
        timings.add(List.of("all three", "", "", "", String.format("%.1f", total)));
        s.table(List.of("part", "settings", "network calls", "images", "seconds"), timings);
        results.put("total_s", total);
        return results;
    }

    private Map<String, Object> grid(HtmlReport.Section s, List<List<String>> timings) {
        boolean byClass = model.config().conditioning() == ConditioningKind.CLASS;
        int columns = byClass ? model.conditions().size() : 8;
        List<Condition> cs = new ArrayList<>();
        for (int r = 0; r < cfg.perClass(); r++) {
            for (int c = 0; c < columns; c++) {
                cs.add(byClass ? model.conditionAt(c) : model.conditionSpace().nullCondition());
            }
        }
        SamplingOptions o = SamplingOptions.ddim(cfg.steps(), 0.0, cfg.guidance());
        long t0 = System.nanoTime();
        List<Image> images = model.generate(cs, o, new SplittableRandom(Seeds.derive(seed, "demo/diffusion/grid")),
                TrajectoryRecorder.off());
        double secs = seconds(t0);
        String guidance = model.conditionSpace().isEmpty() ? "" : String.format(" at guidance %s", fmt(cfg.guidance()));
        s.figure("diffusion-grid", String.format("DDIM-%d (η = 0, x̂₀ clipped and ε re-derived)%s, %s; %.1f s",
                cfg.steps(), guidance, byClass ? "one column per class: " + String.join(", ", model.conditions())
                        : "unconditional", secs), ImageGrid.of(images, columns, 2));
        timings.add(List.of("grid", "DDIM-" + cfg.steps() + guidance, String.valueOf(cfg.steps()),
                String.valueOf(images.size()), String.format("%.1f", secs)));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("sampler", "ddim");
        r.put("steps", cfg.steps());
        r.put("eta", 0.0);
        r.put("guidance", cfg.guidance());
        r.put("n", images.size());
        r.put("columns", columns);
        r.put("network_calls", cfg.steps());
        r.put("seconds", secs);
        return r;
    }

    private Map<String, Object> inpaint(HtmlReport.Section s, List<List<String>> timings, ImageDataset data,
                                        RePaintOptions o) {
        DemoConfig.Inpaint p = cfg.inpaint();
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "demo/diffusion/inpaint"));
        MaskGenerator gen = MaskKinds.parse(p.mask());
        List<Sample> picked = pick(data, p.count(), rng);
        List<Image> originals = new ArrayList<>();
        List<Image> masked = new ArrayList<>();
        List<Mask> masks = new ArrayList<>();
        List<Condition> conditions = new ArrayList<>();
        for (Sample sample : picked) {
            Mask m = gen.generate(model.height(), model.width(), rng);
            originals.add(sample.image());
            masks.add(m);
            masked.add(m.greyOut(sample.image()));
            conditions.add(conditionOf(sample));
        }
        int calls = RePaintSchedule.denoisingSteps(RePaintSchedule.levels(o.steps(), o.jumpLength(), o.jumpCount()));
        RePaintOptions d = RePaintOptions.defaults(1.0);
        int defaultCalls = RePaintSchedule.denoisingSteps(RePaintSchedule.levels(d.steps(), d.jumpLength(), d.jumpCount()));
        int paperCalls = RePaintSchedule.denoisingSteps(RePaintSchedule.levels(PAPER_SCHEDULE[0], PAPER_SCHEDULE[1],
                PAPER_SCHEDULE[2]));
        long t0 = System.nanoTime();
        List<Image> filled = model.inpaint(originals, masks, conditions, o,
                new SplittableRandom(Seeds.derive(seed, "demo/diffusion/inpaint/noise")), TrajectoryRecorder.off());
        double secs = seconds(t0);
        String schedule = String.format("%d steps, jumps of %d passed %d times", o.steps(), o.jumpLength(), o.jumpCount());
        s.figure("diffusion-inpaint", String.format("RePaint (Lugmayr et al. 2022) on %d images of %s with '%s' "
                        + "masks (hole mid-grey in the middle row); known pixels are kept exactly. Reduced schedule so the "
                        + "section fits in about a minute: %s = %d network calls (atelier inpaint's default %d steps, "
                        + "j = %d, r = %d takes %d; the paper's T = %d, j = %d, r = %d would take %d); η = 1, %s; %.1f s",
                        picked.size(), data.id(), p.mask(), schedule, calls, d.steps(), d.jumpLength(), d.jumpCount(),
                        defaultCalls, PAPER_SCHEDULE[0], PAPER_SCHEDULE[1], PAPER_SCHEDULE[2], paperCalls,
                        conditionText("each image's"), secs),
                ImageGrid.labelled(List.of(new ImageGrid.Row("original", originals), new ImageGrid.Row("masked", masked),
                        new ImageGrid.Row("filled by RePaint", filled)), picked.size(), 3, true));
        timings.add(List.of("inpainting", "RePaint " + schedule + ", " + p.mask() + " masks", String.valueOf(calls),
                String.valueOf(picked.size()), String.format("%.1f", secs)));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("mask", p.mask());
        r.put("n", picked.size());
        r.put("steps", o.steps());
        r.put("jump_length", o.jumpLength());
        r.put("jump_count", o.jumpCount());
        r.put("network_calls", calls);
        r.put("guidance", cfg.guidance());
        r.put("mean_hole_fraction", masks.stream().mapToDouble(Mask::holeFraction).average().orElse(0));
        r.put("seconds", secs);
        return r;
    }

    private Map<String, Object> outpaint(HtmlReport.Section s, List<List<String>> timings, ImageDataset data,
                                         RePaintOptions o) {
        DemoConfig.Outpaint p = cfg.outpaint();
        Outpainting.Borders borders = new Outpainting.Borders(p.left(), p.right(), p.top(), p.bottom());
        try {
            borders.requireFits(model.height());
        } catch (InvalidInputException e) {
            throw new ConfigException("demo config", "diffusion.outpaint", e.getMessage());
        }
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "demo/diffusion/outpaint"));
        Sample sample = pick(data, 1, rng).get(0);
        long t0 = System.nanoTime();
        Image wide = model.outpaint(sample.image(), borders,
                conditionOf(sample), o, new SplittableRandom(Seeds.derive(seed, "demo/diffusion/outpaint/noise")));
        double secs = seconds(t0);
        String size = wide.width() + "×" + wide.height();
        s.figure("diffusion-outpaint", String.format("Outpainting: the canvas grown by %d px left, %d right, %d top, "
                        + "%d bottom to %s and filled window by window (%d×%d windows) with the same RePaint schedule, "
                        + "%s; the original's pixels are unchanged; %.1f s", p.left(), p.right(), p.top(), p.bottom(),
                        size, model.width(), model.height(), conditionText("the image's"), secs),
                ImageStrip.of(List.of(sample.image(), wide), List.of("original", "outpainted " + size), model.height() * 4));
        timings.add(List.of("outpainting", "to " + size + ", RePaint per window", "", "1", String.format("%.1f", secs)));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("left", p.left());
        r.put("right", p.right());
        r.put("top", p.top());
        r.put("bottom", p.bottom());
        r.put("width", wide.width());
        r.put("height", wide.height());
        r.put("seconds", secs);
        return r;
    }

    /**
     * The images to inpaint: the embedded Fashion-MNIST test split for a Fashion-MNIST model (never
     * its training split), else the model's own data source.
     */
    private ImageDataset testImages() {
        ImageDataset d = runConfig.data().dataset().startsWith("fashion-mnist") ? FashionMnist.embeddedTest()
                : DataSources.open(runConfig.data(), "the model's config.yaml");
        if (d.channels() != model.channels() || d.height() != model.height() || d.width() != model.width()) {
            throw new ConfigException("demo config", "diffusion.model", d.id() + " holds " + d.channels() + "x"
                    + d.height() + "x" + d.width() + " images, the model works on " + model.channels() + "x"
                    + model.height() + "x" + model.width());
        }
        return d;
    }

    /** {@code n} distinct samples drawn by {@code rng}. */
    private static List<Sample> pick(ImageDataset data, int n, SplittableRandom rng) {
        Set<Integer> idx = new LinkedHashSet<>();
        while (idx.size() < Math.min(n, data.size())) {
            idx.add(rng.nextInt(data.size()));
        }
        return idx.stream().map(data::get).toList();
    }

    /** The sample's own class for a class-conditional model; the null condition otherwise. */
    private Condition conditionOf(Sample sample) {
        if (model.config().conditioning() == ConditioningKind.CLASS && sample.label() >= 0
                && sample.label() < model.conditions().size()) {
            return model.conditionAt(sample.label());
        }
        return model.conditionSpace().nullCondition();
    }

    private String conditionText(String whose) {
        return model.config().conditioning() == ConditioningKind.CLASS
                ? "conditioned on " + whose + " own class at guidance " + fmt(cfg.guidance()) : "unconditional";
    }

    /** A setting as written in a caption: "3" for 3.0, "2.5" as it is. */
    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
