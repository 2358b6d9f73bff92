package org.atelier.experiments.audit;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.atelier.evaluation.audit.SliceDistribution;
import org.atelier.evaluation.audit.SliceFrame;
import org.atelier.evaluation.audit.SliceStats;
import org.atelier.evaluation.report.Charts;
import org.atelier.evaluation.report.HtmlReport;

/** The report's quality sections: distribution quality per slice for every generator, then inpainting fidelity per slice. */
final class QualityReport {
    private static final int CHART_W = 620;
    private static final int CHART_H = 340;
    /** The fidelity metrics charted (perceptual needs a network the portraits have none of). */
    private static final List<String> CHARTED = List.of("psnr", "ssim", "l1");

    private QualityReport() {
    }

    /** The distribution section; returns results.json's {@code quality_per_slice} entry per generator. */
    static Map<String, Object> distribution(HtmlReport report, List<AuditRun.GeneratorResult> generators, String a,
                                            AuditConfig.Quality q) {
        Map<String, Object> json = new LinkedHashMap<>();
        List<AuditRun.GeneratorResult> measured = generators.stream().filter(g -> g.quality() != null).toList();
        if (measured.isEmpty()) {
            return json;
        }
        HtmlReport.Section s = report.section("Quality per slice: generated vs real faces", String.format(Locale.ROOT,
                "Each generator's samples are put in the slice the classifier read them as, and compared with up to %d "
                        + "real portraits of that slice from its training set, on %s features: KID (lower is closer; "
                        + "its interval is a bootstrap over the generated samples) and FID (basic bootstrap interval). "
                        + "KID is the one to compare slices by: FID below %d samples is biased upwards by an amount "
                        + "that grows as the count shrinks, so slices with fewer samples look worse on FID whatever "
                        + "their quality (marked 'biased'). A slice with fewer than %d samples is too small to "
                        + "estimate. 'KID − best' is each slice's KID minus the best slice's, with an interval from "
                        + "paired bootstrap replicates: an interval above 0 means clearly worse.", q.realPerSlice(),
                measured.get(0).quality().extractor(), measured.get(0).quality().dimension(), q.minSize()));
        Map<String, Map<String, Charts.Bar>> bars = new LinkedHashMap<>();
        for (AuditRun.GeneratorResult g : measured) {
            SliceDistribution d = g.quality();
            List<List<String>> rows = new ArrayList<>();
            rows.add(row(d.overall(), null));
            Map<String, Charts.Bar> mine = new LinkedHashMap<>();
            d.slices().values().forEach(r -> {
                rows.add(row(r, d.best()));
                mine.put(r.name(), new Charts.Bar(r.kid().value(), r.kid().low(), r.kid().high()));
            });
            bars.put(g.config().name(), mine);
            s.text(g.config().name() + ":");
            s.table(List.of("slice", "generated", "real", "KID [95 %]", "KID − best [95 %]", "KID / best",
                    "FID [95 %]"), rows);
            json.put(g.config().name(), d.toJson());
        }
        s.chart("quality-kid", "KID between the samples read as each " + a + " and real portraits of it, per generator "
                + "(whiskers: bootstrap 95 % intervals; no bar: too few samples)",
                Charts.barsWithIntervals("KID per " + a, "KID", bars, Double.NaN), CHART_W, CHART_H);
        return json;
    }

    /** The inpainting section; returns results.json's {@code inpainting_per_slice} entry. */
    static Map<String, Object> inpainting(HtmlReport report, QualityPerSlice.Inpainted in, String a) {
        AuditConfig.Inpainting c = in.config();
        HtmlReport.Section s = report.section("Quality per slice: inpainting fidelity on the hole", String.format(
                Locale.ROOT, "%s (%s) filled %d portraits of %s through seeded '%s' holes (%.0f %% of the image on average; "
                        + "the same holes for any inpainter given the same seed), in %.1f s. Scores on the hole only, "
                        + "per %s: mean with a bootstrap 95 %% interval, difference to the overall mean, and a "
                        + "Mann-Whitney test of the slice against the other images, Holm-adjusted across every slice "
                        + "of every metric. %s", c.model(), in.method(), c.n(), c.dataset(), c.maskKind(),
                100 * in.meanHole(), in.seconds(), a, c.note()));
        s.figure("inpainting-preview", "The first 16 images: original, masked, filled", preview(in));
        for (String metric : CHARTED) {
            SliceFrame f = in.slices().metrics().get(metric);
            if (f == null) {
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            rows.add(frameRow(f.overall()));
            f.slices().values().forEach(x -> rows.add(frameRow(x)));
            s.text(metric.toUpperCase(Locale.ROOT) + " on the hole" + (metric.equals("l1") ? " (lower is better)" : ""
                    + " (higher is better)") + ":");
            s.table(List.of("slice", "n", "mean", "95 % interval", "difference to overall", "ratio", "p (Holm)"), rows);
            Map<String, Charts.Bar> bars = new LinkedHashMap<>();
            f.slices().values().forEach(x -> bars.put(x.name(), new Charts.Bar(x.value(), x.ciLow(), x.ciHigh())));
            s.chart("inpainting-" + metric, metric.toUpperCase(Locale.ROOT) + " on the hole per " + a
                            + " (whiskers: bootstrap 95 % intervals; dashed: overall)",
                    Charts.barsWithIntervals(metric.toUpperCase(Locale.ROOT) + " per " + a, metric,
                            Map.of(metric, bars), f.overall().value()), CHART_W, CHART_H);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", c.model());
        json.put("weights", in.weights().toString());
        json.put("method", in.method());
        json.put("dataset", c.dataset());
        json.put("n", c.n());
        json.put("mask_kind", c.maskKind());
        json.put("mean_hole_fraction", in.meanHole());
        json.put("seconds", in.seconds());
        json.put("note", c.note());
        json.put("by_slice", in.slices().toJson());
        return json;
    }

    private static BufferedImage preview(QualityPerSlice.Inpainted in) {
        try {
            return ImageIO.read(in.dir().resolve("preview.png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + in.dir().resolve("preview.png"), e);
        }
    }

    private static List<String> row(SliceDistribution.Row r, String best) {
        if (r.tooSmall()) {
            return List.of(r.name(), String.valueOf(r.generated()), String.valueOf(r.real()), "too small", "", "", "");
        }
        String fid = QualityFindings.interval(r.fid(), "%.2f") + (r.fidBiased() ? " (biased)" : "");
        return List.of(r.name(), String.valueOf(r.generated()), String.valueOf(r.real()), QualityFindings.kid(r.kid()),
                r.name().equals(best) ? "best" : best == null ? "" : QualityFindings.interval(r.kidDifference(), "%+.4f"),
                Double.isFinite(r.kidRatio()) ? String.format(Locale.ROOT, "%.2f", r.kidRatio()) : "–", fid);
    }

    private static List<String> frameRow(SliceStats x) {
        if (x.tooSmall()) {
            return List.of(x.name(), String.valueOf(x.n()), "too small", "", "", "", "");
        }
        return List.of(x.name(), String.valueOf(x.n()), String.format(Locale.ROOT, "%.4g", x.value()),
                String.format(Locale.ROOT, "%.4g – %.4g", x.ciLow(), x.ciHigh()),
                String.format(Locale.ROOT, "%+.3g", x.difference()), String.format(Locale.ROOT, "%.3f", x.ratio()),
                Double.isFinite(x.pAdjusted()) ? String.format(Locale.ROOT, "%.3g", x.pAdjusted()) : "–");
    }
}
