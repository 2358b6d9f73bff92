package org.atelier.evaluation.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.atelier.evaluation.report.Charts;
import org.jfree.chart.JFreeChart;

/**
 * The charts of an audit, every estimate drawn with its interval as whiskers: the audit report
 * and the bias-audit notebook draw the same pictures from here.
 */
public final class AuditCharts {
    private AuditCharts() {
    }

    /** Observed shares (Wilson whiskers) beside the reference shares they are compared with. */
    public static JFreeChart shares(String title, ShareComparison c, String referenceName) {
        Map<String, Charts.Bar> observed = new LinkedHashMap<>();
        Map<String, Charts.Bar> reference = new LinkedHashMap<>();
        c.rows().values().forEach(r -> {
            observed.put(r.name(), new Charts.Bar(r.share(), r.ciLow(), r.ciHigh()));
            reference.put(r.name(), new Charts.Bar(r.reference(), Double.NaN, Double.NaN));
        });
        Map<String, Map<String, Charts.Bar>> series = new LinkedHashMap<>();
        series.put("observed", observed);
        series.put(referenceName, reference);
        return Charts.barsWithIntervals(title, "share", series, Double.NaN);
    }

    /**
     * The estimated slices of a frame (too-small ones left out) with their intervals, and a dashed
     * line at the overall value: a classifier's accuracy per slice, or a per-image score per slice.
     */
    public static JFreeChart frame(String title, String valueAxis, SliceFrame f) {
        Map<String, Charts.Bar> bars = new LinkedHashMap<>();
        f.estimated().forEach(s -> bars.put(s.name(), new Charts.Bar(s.value(), s.ciLow(), s.ciHigh())));
        return Charts.barsWithIntervals(title, valueAxis, Map.of(f.valueName(), bars), f.overall().value());
    }

    /** Training shares beside the generated ones, raw (Wilson) and corrected for the classifier's confusion (bootstrap). */
    public static JFreeChart generatedShares(String title, RepresentationAudit r) {
        Map<String, Map<String, Charts.Bar>> series = new LinkedHashMap<>();
        series.put("training", column(r, a -> new Amplification.Estimate(a.trainingShare(), Double.NaN, Double.NaN)));
        series.put("generated (raw)", column(r, Amplification::rawShare));
        series.put("generated (corrected)", column(r, Amplification::correctedShare));
        return Charts.barsWithIntervals(title, "share", series, Double.NaN);
    }

    /** Amplification factors, raw and corrected, with the dashed line at 1 (faithful reproduction). */
    public static JFreeChart amplification(String title, RepresentationAudit r) {
        Map<String, Map<String, Charts.Bar>> series = new LinkedHashMap<>();
        series.put("raw", column(r, Amplification::rawFactor));
        series.put("corrected", column(r, Amplification::correctedFactor));
        return Charts.barsWithIntervals(title, "amplification factor", series, 1.0);
    }

    /**
     * Corrected amplification factors of several audits side by side (say the same generator at
     * two sample sizes), with the line at 1: the audits' names label the series.
     */
    public static JFreeChart correctedAmplification(String title, Map<String, RepresentationAudit> audits) {
        Map<String, Map<String, Charts.Bar>> series = new LinkedHashMap<>();
        audits.forEach((name, r) -> series.put(name, column(r, Amplification::correctedFactor)));
        return Charts.barsWithIntervals(title, "amplification factor (corrected)", series, 1.0);
    }

    private static Map<String, Charts.Bar> column(RepresentationAudit r, Function<Amplification, Amplification.Estimate> pick) {
        Map<String, Charts.Bar> out = new LinkedHashMap<>();
        r.amplification().forEach((value, a) -> {
            Amplification.Estimate e = pick.apply(a);
            out.put(value, new Charts.Bar(e.value(), e.low(), e.high()));
        });
        return out;
    }
}
