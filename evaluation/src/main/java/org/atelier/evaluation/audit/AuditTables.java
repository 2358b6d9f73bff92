package org.atelier.evaluation.audit;

import java.util.Locale;

/** Audits as plain-text tables for a terminal: one row per slice, too-small slices said so. */
public final class AuditTables {
    private AuditTables() {
    }

    public static String of(SliceFrame f) {
        StringBuilder sb = new StringBuilder();
        String ci = pct(f.options().level()) + " interval";
        sb.append(String.format(Locale.ROOT, "%s by %s: %s, reference %s, %s, %s-adjusted p%n", f.valueName(),
                String.join(" × ", f.by()), f.measure() == SliceOptions.Measure.SHARE ? "share of 1s (Wilson intervals)"
                        : "mean (bootstrap intervals, " + f.options().bootstrap() + " resamples)",
                f.options().reference(), f.measure() == SliceOptions.Measure.SHARE ? "chi-squared tests"
                        : f.options().valueTest().id() + " tests", f.options().correction().id()));
        int w = Math.max(12, f.slices().keySet().stream().mapToInt(String::length).max().orElse(0) + 2);
        sb.append(String.format(Locale.ROOT, "%-" + w + "s %7s %10s  %-22s %10s %8s %10s%n", "slice", "n", "value", ci,
                "difference", "ratio", "p adjusted"));
        sb.append(row(f.overall(), w));
        f.slices().values().forEach(s -> sb.append(row(s, w)));
        SliceFrame.Summary m = f.summary();
        if (m.minSlice() != null) {
            sb.append(String.format(Locale.ROOT, "lowest %s, highest %s: difference %.4g, ratio %.3f (between groups); "
                            + "to overall: difference %.4g, ratio %.3f%n", m.minSlice(), m.maxSlice(),
                    m.differenceBetweenGroups(), m.ratioBetweenGroups(), m.differenceToOverall(), m.ratioToOverall()));
        }
        if (!f.flagged().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "disparity (ratio outside [%.2f, %.2f]): %s%n", f.options().disparityLow(),
                    f.options().disparityHigh(), String.join(", ", f.flagged().stream().map(SliceStats::name).toList())));
        }
        return sb.toString();
    }

    public static String of(DatasetAudit a) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s by %s, %d samples, against %s shares%n", a.dataset(),
                String.join(" × ", a.by()), a.shares().n(), a.reference()));
        sb.append(shares(a.shares(), "reference"));
        return sb.toString();
    }

    /** The rows of a share comparison and its χ² and total variation line. */
    public static String shares(ShareComparison c, String referenceName) {
        StringBuilder sb = new StringBuilder();
        int w = Math.max(12, c.rows().keySet().stream().mapToInt(String::length).max().orElse(0) + 2);
        sb.append(String.format(Locale.ROOT, "%-" + w + "s %7s %8s  %-18s %10s %8s%n", "slice", "count", "share",
                pct(c.level()) + " interval", referenceName, "ratio"));
        for (ShareComparison.Row r : c.rows().values()) {
            sb.append(String.format(Locale.ROOT, "%-" + w + "s %7d %8s  %-18s %10s %8s%n", r.name(), r.count(),
                    pct(r.share()), pct(r.ciLow()) + " – " + pct(r.ciHigh()), pct(r.reference()), num(r.ratio(), "%.3f")));
        }
        sb.append(String.format(Locale.ROOT, "chi-squared %.4g on %d df, p = %.3g; total variation distance %.4f%n",
                c.chiSquare(), c.degreesOfFreedom(), c.pValue(), c.totalVariation()));
        return sb.toString();
    }

    private static String row(SliceStats s, int w) {
        if (s.tooSmall()) {
            return String.format(Locale.ROOT, "%-" + w + "s %7d  too small to estimate%n", s.name(), s.n());
        }
        return String.format(Locale.ROOT, "%-" + w + "s %7d %10.4g  %-22s %10s %8s %10s%s%n", s.name(), s.n(), s.value(),
                String.format(Locale.ROOT, "%.4g – %.4g", s.ciLow(), s.ciHigh()), num(s.difference(), "%+.4g"),
                num(s.ratio(), "%.3f"), num(s.pAdjusted(), "%.3g"), s.disparity() ? "  disparity" : "");
    }

    static String num(double v, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "–";
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }
}
