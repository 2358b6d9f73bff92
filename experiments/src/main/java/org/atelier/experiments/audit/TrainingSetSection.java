package org.atelier.experiments.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atelier.evaluation.audit.AuditCharts;
import org.atelier.evaluation.audit.DatasetAudit;
import org.atelier.evaluation.audit.ShareComparison;
import org.atelier.evaluation.report.HtmlReport;

/** A report section on a dataset's shares of one attribute against equal shares: the audit's and the demo's. */
public final class TrainingSetSection {
    private static final int CHART_W = 620;
    private static final int CHART_H = 340;

    private TrainingSetSection() {
    }

    /**
     * Adds the section: the chart, the table and the goodness of fit, preceded by the findings in
     * words when {@code withFindings} (a report without a findings section of its own).
     */
    public static void write(HtmlReport report, String heading, DatasetAudit d, String a, boolean withFindings) {
        HtmlReport.Section s = report.section(heading, "Shares of " + a + " among the "
                + d.shares().n() + " images, counted from their ground truth, with Wilson 95 % intervals, against equal "
                + "shares.");
        if (withFindings) {
            AuditFindings.dataset(d, a).forEach(s::text);
        }
        s.chart("shares-" + a, "Shares of " + a + " (whiskers: Wilson 95 % intervals) beside equal shares",
                AuditCharts.shares(d.dataset(), d.shares(), "equal shares"), CHART_W, CHART_H);
        s.table(List.of("slice", "count", "share", "95 % interval", "equal share", "ratio"), shareRows(d.shares()));
        s.text(String.format(Locale.ROOT, "Chi-squared goodness of fit against equal shares: %.4g on %d degrees of "
                        + "freedom, p %s; total variation distance %s.", d.shares().chiSquare(), d.shares().degreesOfFreedom(),
                AuditFindings.p(d.shares().pValue()), AuditFindings.pct(d.shares().totalVariation())));
    }

    private static List<List<String>> shareRows(ShareComparison c) {
        List<List<String>> rows = new ArrayList<>();
        c.rows().values().forEach(r -> rows.add(List.of(r.name(), String.valueOf(r.count()), AuditFindings.pct(r.share()),
                AuditFindings.pct(r.ciLow()) + " – " + AuditFindings.pct(r.ciHigh()), AuditFindings.pct(r.reference()),
                Double.isFinite(r.ratio()) ? String.format(Locale.ROOT, "%.2f", r.ratio()) : "–")));
        return rows;
    }
}
