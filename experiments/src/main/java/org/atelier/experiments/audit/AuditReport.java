package org.atelier.experiments.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atelier.evaluation.audit.Amplification;
import org.atelier.evaluation.audit.AuditCharts;
import org.atelier.evaluation.audit.AuditClassifier;
import org.atelier.evaluation.audit.DatasetAudit;
import org.atelier.evaluation.audit.RepresentationAudit;
import org.atelier.evaluation.audit.SliceFrame;
import org.atelier.evaluation.audit.SliceSamples;
import org.atelier.evaluation.audit.SliceStats;
import org.atelier.evaluation.report.HtmlReport;

/** The sections of the audit report: findings first, then the training set, the classifier and each generator. */
final class AuditReport {
    private static final int CHART_W = 620;
    private static final int CHART_H = 340;

    private AuditReport() {
    }

    /**
     * Adds every section to {@code report}; returns the findings, as the page words them.
     *
     * @param inpainted the inpainting fidelity per slice, or null when the config asks for none
     */
    static List<String> write(HtmlReport report, AuditConfig cfg, DatasetAudit dataset, AuditClassifier classifier,
                              List<AuditRun.GeneratorResult> generators, QualityPerSlice.Inpainted inpainted) {
        String a = cfg.attribute();
        List<String> said = new ArrayList<>();
        HtmlReport.Section findings = report.section("Findings", "What the audit found, in words; every number comes with "
                + "its 95 % interval, and the sections below hold the tables and charts it rests on.");
        said.addAll(AuditFindings.dataset(dataset, a));
        if (!generators.isEmpty()) {
            said.add(AuditFindings.classifier(classifier.accuracy(), classifier.heldOutCount(),
                    generators.get(0).audit().representation()));
        }
        for (AuditRun.GeneratorResult g : generators) {
            said.addAll(AuditFindings.generator(g.config().name(), g.audit().representation(), g.drawn().images().size(), a));
            if (g.readAsAsked() != null) {
                said.add(AuditFindings.steering(g.config().name(), g.readAsAsked()));
            }
        }
        for (AuditRun.GeneratorResult g : generators) {
            if (g.quality() != null) {
                said.add(QualityFindings.distribution(g.config().name(), g.quality(), a));
            }
        }
        if (inpainted != null) {
            said.add(QualityFindings.inpainting(inpainted, a));
        }
        said.forEach(findings::text);
        TrainingSetSection.write(report, "Training set: " + dataset.dataset(), dataset, a, false);
        classifier(report, classifier, generators, a);
        Map<String, Object> results = new LinkedHashMap<>();
        for (int i = 0; i < generators.size(); i++) {
            results.put(generators.get(i).config().name(), generator(report, generators.get(i), i, a, cfg.perSlice()));
        }
        if (cfg.quality() != null) {
            report.result("quality_per_slice", QualityReport.distribution(report, generators, a, cfg.quality()));
        }
        if (inpainted != null) {
            report.result("inpainting_per_slice", QualityReport.inpainting(report, inpainted, a));
        }
        report.result("attribute", a);
        report.result("training_set", dataset.toJson());
        report.result("classifier", classifier.toJson());
        report.result("generators", results);
        report.result("findings", said);
        return said;
    }

    private static void classifier(HtmlReport report, AuditClassifier c, List<AuditRun.GeneratorResult> generators,
                                   String a) {
        HtmlReport.Section s = report.section("The attribute classifier", String.format(Locale.ROOT, "A Tribuo linear "
                        + "classifier (multinomial logistic regression by SGD with AdaGrad, on standardised %s features) "
                        + "learnt %s from the first %d portraits of %s and was evaluated by Tribuo on the next %d: "
                        + "accuracy %s. Its confusion matrix (rows: true value, columns: predicted) is what the "
                        + "corrected shares invert.", c.extractor().id(), a, c.trainCount(), c.labelled(), c.heldOutCount(),
                AuditFindings.pct(c.accuracy())));
        List<String> header = new ArrayList<>(List.of("true \\ predicted"));
        header.addAll(c.confusion().keySet());
        List<List<String>> rows = new ArrayList<>();
        c.confusion().forEach((t, row) -> {
            List<String> r = new ArrayList<>(List.of(t));
            row.values().forEach(v -> r.add(String.valueOf(v)));
            rows.add(r);
        });
        s.table(header, rows);
        if (!generators.isEmpty()) {
            SliceFrame acc = generators.get(0).audit().representation().accuracy();
            s.text("Accuracy per true value (Wilson 95 % intervals; chi-squared test of each slice against the rest, "
                    + "Holm-adjusted): a classifier worse on one slice biases the raw reading of that slice.");
            s.table(List.of("slice", "n", "accuracy", "95 % interval", "difference to overall", "p (Holm)"), frameRows(acc));
            s.chart("classifier-accuracy", "Held-out accuracy per " + a + " (whiskers: Wilson 95 % intervals; dashed: "
                    + "overall)", AuditCharts.frame("Classifier accuracy", "accuracy", acc), CHART_W, CHART_H);
        }
        s.text("Tribuo provenance of the classifier: " + c.classifier().provenance());
    }

    private static Map<String, Object> generator(HtmlReport report, AuditRun.GeneratorResult g, int index, String a,
                                                 int perSlice) {
        RepresentationAudit r = g.audit().representation();
        AuditConfig.Sampling how = g.sampling();
        String id = "generator-" + (index + 1);
        String drawnHow = g.diffusion() ? String.format(Locale.ROOT, "%s with %d steps%s", how.sampler(), how.steps(),
                g.config().steer().isEmpty() ? ", unconditional" : ", guidance " + how.guidance())
                : "one pass of the " + g.family() + " generator, unconditional";
        HtmlReport.Section s = report.section("Generator: " + g.config().name(), g.config().note() + String.format(
                Locale.ROOT, " Weights %s; %d samples, %s, %.1f s; training set %s.", g.weights(),
                g.drawn().images().size(), drawnHow, g.drawn().seconds(), g.trainingSetId()));
        List<List<String>> rows = new ArrayList<>();
        for (Amplification x : r.amplification().values()) {
            rows.add(List.of(x.value(), AuditFindings.pct(x.trainingShare()), est(x.rawShare(), true),
                    est(x.correctedShare(), true), est(x.rawFactor(), false), est(x.correctedFactor(), false)));
        }
        s.chart(id + "-shares", "Training vs generated shares of " + a + " (whiskers: 95 % intervals, Wilson raw, bootstrap corrected)",
                AuditCharts.generatedShares(g.config().name(), r), CHART_W, CHART_H);
        s.chart(id + "-amplification", "Amplification factor (generated / training share); the dashed line at 1 is "
                + "faithful reproduction", AuditCharts.amplification(g.config().name(), r), CHART_W, CHART_H);
        s.table(List.of("slice", "training share", "generated, raw [95 %]", "generated, corrected [95 %]",
                "amplification, raw [95 %]", "amplification, corrected [95 %]"), rows);
        s.text(String.format(Locale.ROOT, "Raw readings against the training shares: chi-squared %.4g on %d degrees of "
                        + "freedom, p %s; total variation %s raw, %s corrected.", r.raw().chiSquare(),
                r.raw().degreesOfFreedom(), AuditFindings.p(r.raw().pValue()), AuditFindings.pct(r.raw().totalVariation()),
                AuditFindings.pct(r.correctedTotalVariation())));
        if (g.readAsAsked() != null) {
            s.text("Samples asked for each value, and how often the classifier read what was asked (Wilson 95 %):");
            s.table(List.of("asked", "n", "read as asked", "95 % interval", "difference to overall", "p (Holm)"),
                    frameRows(g.readAsAsked()));
        }
        if (perSlice > 0) {
            s.figure(id + "-samples", "Generated samples grouped by the value the classifier read (up to " + perSlice
                    + " each)", SliceSamples.grid(g.drawn().images(), g.audit().readings(), perSlice, "read as "));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", g.config().model());
        out.put("weights", g.weights().toString());
        out.put("training_set", g.trainingSetId());
        out.put("family", g.family());
        out.put("samples", g.drawn().images().size());
        out.put("sampler", g.diffusion() ? how.sampler() : "one pass");
        out.put("steps", g.diffusion() ? how.steps() : null);
        out.put("guidance", !g.diffusion() ? null : g.config().steer().isEmpty() ? 1.0 : how.guidance());
        out.put("steer", g.config().steer());
        out.put("seconds", g.drawn().seconds());
        out.put("audit", r.toJson());
        if (g.readAsAsked() != null) {
            out.put("read_as_asked", g.readAsAsked().toJson());
        }
        return out;
    }

    private static List<List<String>> frameRows(SliceFrame f) {
        List<List<String>> rows = new ArrayList<>();
        for (SliceStats x : f.slices().values()) {
            rows.add(x.tooSmall() ? List.of(x.name(), String.valueOf(x.n()), "too small", "", "", "")
                    : List.of(x.name(), String.valueOf(x.n()), AuditFindings.pct(x.value()),
                    AuditFindings.pct(x.ciLow()) + " – " + AuditFindings.pct(x.ciHigh()),
                    String.format(Locale.ROOT, "%+.1f points", 100 * x.difference()),
                    Double.isFinite(x.pAdjusted()) ? String.format(Locale.ROOT, "%.3g", x.pAdjusted()) : "–"));
        }
        return rows;
    }

    private static String est(Amplification.Estimate e, boolean share) {
        return share ? String.format(Locale.ROOT, "%s [%s, %s]", AuditFindings.pct(e.value()), AuditFindings.pct(e.low()),
                AuditFindings.pct(e.high()))
                : String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", e.value(), e.low(), e.high());
    }
}
