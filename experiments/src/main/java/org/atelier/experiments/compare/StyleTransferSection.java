package org.atelier.experiments.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.atelier.core.errors.UserException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageStrip;
import org.atelier.core.random.Seeds;
import org.atelier.evaluation.fidelity.CorrectedComparisons;
import org.atelier.evaluation.report.Charts;
import org.atelier.evaluation.report.HtmlReport;
import org.atelier.evaluation.style.StyleJudge;
import org.atelier.evaluation.style.StyleScores;
import org.atelier.experiments.ReportFolders;
import org.atelier.models.nst.FeatureNets;

/**
 * The comparison's style-transfer section: a table of each method's mean scores with bootstrap
 * intervals and time per image, the paired tests against the baseline, a bar chart per metric with
 * the intervals as whiskers, and one captioned strip per pair (content, style, each method's result).
 */
final class StyleTransferSection {
    /** Height of the strips' images: small sizes (--quick) are enlarged so the texture can be seen. */
    private static final int STRIP_HEIGHT = 160;
    private static final Map<String, String> TITLES = Map.of("style_distance", "Style distance (Gram, judge net)",
            "perceptual", "Perceptual distance to the content", "ssim", "SSIM to the content");

    private StyleTransferSection() {
    }

    /**
     * Runs every method the config names and writes the section.
     *
     * @param notCompared told of each method that could not be loaded (label, reason)
     */
    static void write(HtmlReport report, CompareConfig.StyleTransfer c, long seed, Path dir,
                      BiConsumer<String, String> notCompared, Consumer<String> progress) {
        StyleJudge judge = new StyleJudge(FeatureNets.open(c.judge()));
        List<StyleTransferScoring.Method> methods = new ArrayList<>();
        for (CompareConfig.StyleMethod m : c.methods()) {
            try {
                methods.add(StyleTransferScoring.method(m, c.size()));
            } catch (UserException e) {
                notCompared.accept(m.label(), e.getMessage());
                progress.accept("skipping " + m.label() + ": " + e.getMessage());
            }
        }
        StyleTransferScoring.checkJudge(judge, methods);
        progress.accept("style transfer: reading " + c.contents().size() + " contents and " + c.styles().size()
                + " styles at " + c.size() + " px");
        List<StyleTransferScoring.Pair> pairs = StyleTransferScoring.pairs(c, judge);
        List<StyleTransferScoring.Run> runs = new ArrayList<>();
        ReportFolders.clear(dir.resolve("runs")); // the optimiser's run folders of a previous report
        for (StyleTransferScoring.Method m : methods) {
            progress.accept("style transfer: " + m.label());
            StyleTransferScoring.Run r = StyleTransferScoring.run(m, pairs, judge, seed, dir.resolve("runs"));
            if (r.pairs().isEmpty()) {
                notCompared.accept(m.label(), "applies to none of the configured styles (" + m.origin() + ")");
            } else {
                runs.add(r);
            }
        }
        if (runs.isEmpty()) {
            report.section("Style transfer", "No style-transfer method could be run; see 'Not compared'.");
            return;
        }
        List<CorrectedComparisons.Judged> judged = StyleTransferScoring.compare(runs, c.resamples(), seed);
        Map<String, Map<String, double[]>> means = means(runs, c.resamples(), seed);
        HtmlReport.Section s = report.section("Style transfer", String.format(Locale.ROOT, "Every method gets the "
                        + "same %d content × %d style pairs at %d px (longer side); a fast model only the pairs of the "
                        + "style it was trained on. Style distance: the mean squared difference of Gram matrices "
                        + "G = F·Fᵀ/(H·W) at %s, averaged over the layers, under the judge net %s — a net none of the "
                        + "methods optimised against, so a method is not rewarded for matching its own loss network. "
                        + "Content preservation: the LPIPS-recipe perceptual distance under the same judge, and SSIM "
                        + "on [0, 1] intensities, to the content image. Means with %d-resample percentile-bootstrap "
                        + "95 %% intervals over the pairs; paired differences against %s with p-values (paired t) "
                        + "adjusted by Holm across all %d tests of the table, a verdict only where the adjusted p ≤ 0.05 "
                        + "and the simultaneous interval excludes 0. Time: wall seconds per image on this machine, "
                        + "shared with other jobs (the optimiser's includes its run folder; the fast model's first "
                        + "image includes its warm-up).%s", c.contents().size(), c.styles().size(), c.size(),
                String.join(", ", StyleJudge.LAYERS), judge.id(), c.resamples(), runs.get(0).method(), judged.size(),
                pairs.size() < CorrectedComparisons.SMALL_N ? String.format(Locale.ROOT, " Warning: only %d pairs; "
                        + "intervals and tests are rough below %d.", pairs.size(), CorrectedComparisons.SMALL_N) : ""));
        s.table(List.of("method", "pairs", "style distance [95 % CI]", "perceptual [95 % CI]", "SSIM [95 % CI]",
                "s / image", "what"), runs.stream().map(r -> summaryRow(r, means.get(r.method()))).toList());
        if (!judged.isEmpty()) {
            s.table(List.of("comparison (B − A)", "metric", "A", "B", "B − A [95 % CI]", "p", "p Holm", "verdict"),
                    judged.stream().map(CompareReport::judgedRow).toList());
        }
        for (String metric : StyleScores.METRICS) {
            Map<String, Map<String, Charts.Bar>> series = new LinkedHashMap<>();
            Map<String, Charts.Bar> bars = new LinkedHashMap<>();
            means.forEach((method, byMetric) -> {
                double[] v = byMetric.get(metric);
                // one pair has no interval: the whisker collapses onto the bar
                bars.put(method, new Charts.Bar(v[0], Double.isNaN(v[1]) ? v[0] : v[1],
                        Double.isNaN(v[2]) ? v[0] : v[2]));
            });
            series.put(TITLES.get(metric), bars);
            s.chart("style-" + metric.replace('_', '-'), TITLES.get(metric) + " per method: mean over its pairs, "
                    + "whiskers the bootstrap 95 % interval" + (StyleScores.HIGHER_IS_BETTER.contains(metric)
                    ? " (higher: more of the content kept)." : " (lower is better)."),
                    Charts.barsWithIntervals(TITLES.get(metric), metric, series, Double.NaN), 620, 360);
        }
        for (StyleTransferScoring.Pair p : pairs) {
            List<Image> images = new ArrayList<>(List.of(p.contentImage(), p.styleImage()));
            List<String> captions = new ArrayList<>(List.of("content", "style"));
            for (StyleTransferScoring.Run r : runs) {
                int i = r.pairs().indexOf(p);
                if (i >= 0) {
                    images.add(r.results().get(i));
                    captions.add(r.method());
                }
            }
            s.figure("style-" + CompareReport.slug(p.key()), p.content() + " in the style of " + p.style()
                    + ": content, style, then each method's result (" + String.join(", ", captions.subList(2,
                    captions.size())) + ")", ImageStrip.of(images, captions, STRIP_HEIGHT));
        }
        report.result("style_transfer", json(c, judge, runs, means, judged));
    }

    /** Per method and metric: mean, 95 % interval low, high (NaN for one pair). */
    private static Map<String, Map<String, double[]>> means(List<StyleTransferScoring.Run> runs, int resamples,
                                                            long seed) {
        Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
        for (StyleTransferScoring.Run r : runs) {
            Map<String, double[]> m = new LinkedHashMap<>();
            for (String metric : StyleScores.METRICS) {
                m.put(metric, StyleTransferScoring.meanWithInterval(r.values(metric), resamples,
                        Seeds.derive(seed, "style-transfer-means/" + r.method() + "/" + metric)));
            }
            m.put("seconds", new double[] {java.util.Arrays.stream(r.seconds()).average().orElse(Double.NaN)});
            out.put(r.method(), m);
        }
        return out;
    }

    private static List<String> summaryRow(StyleTransferScoring.Run r, Map<String, double[]> m) {
        return List.of(r.method(), Integer.toString(r.pairs().size()), interval(m.get("style_distance")),
                interval(m.get("perceptual")), interval(m.get("ssim")),
                String.format(Locale.ROOT, "%.2f", m.get("seconds")[0]), r.origin());
    }

    private static String interval(double[] v) {
        return Double.isNaN(v[1]) ? String.format(Locale.ROOT, "%.4g", v[0])
                : String.format(Locale.ROOT, "%.4g [%.4g, %.4g]", v[0], v[1], v[2]);
    }

    private static Map<String, Object> json(CompareConfig.StyleTransfer c, StyleJudge judge,
                                            List<StyleTransferScoring.Run> runs, Map<String, Map<String, double[]>> means,
                                            List<CorrectedComparisons.Judged> judged) {
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("size", c.size());
        res.put("judge", judge.id());
        res.put("judge_sha256", judge.sha256());
        res.put("judge_layers", StyleJudge.LAYERS);
        res.put("methods", runs.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", r.method());
            m.put("origin", r.origin());
            m.put("n", r.pairs().size());
            means.get(r.method()).forEach((metric, v) -> m.put(metric, v.length == 1 ? v[0]
                    : Map.of("mean", v[0], "ci95", java.util.Arrays.asList(nullable(v[1]), nullable(v[2])))));
            List<Map<String, Object>> per = new ArrayList<>();
            for (int i = 0; i < r.pairs().size(); i++) {
                Map<String, Object> p = new LinkedHashMap<>(r.scores().get(i).toJson());
                p.put("content", r.pairs().get(i).content());
                p.put("style", r.pairs().get(i).style());
                p.put("seconds", r.seconds()[i]);
                per.add(p);
            }
            m.put("per_pair", per);
            return m;
        }).toList());
        res.put("tests", CompareReport.testsJson(judged));
        return res;
    }

    private static Double nullable(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
