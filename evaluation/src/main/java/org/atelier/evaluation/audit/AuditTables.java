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

    /** A classifier's held-out confusion matrix: one row per true value, one column per reading, and its accuracy. */
    public static String confusion(AuditClassifier c) {
        StringBuilder sb = new StringBuilder();
        int w = Math.max(8, c.confusion().keySet().stream().mapToInt(String::length).max().orElse(0) + 2);
        sb.append(String.format(Locale.ROOT, "%-" + w + "s", "true \\ read"));
        c.confusion().keySet().forEach(v -> sb.append(String.format(Locale.ROOT, "%" + w + "s", v)));
        sb.append(String.format(Locale.ROOT, "%n"));
        c.confusion().forEach((truth, row) -> {
            sb.append(String.format(Locale.ROOT, "%-" + w + "s", truth));
            row.values().forEach(count -> sb.append(String.format(Locale.ROOT, "%" + w + "d", count)));
            sb.append(String.format(Locale.ROOT, "%n"));
        });
        sb.append(String.format(Locale.ROOT, "held-out accuracy %s of %d images (Tribuo)%n", pct(c.accuracy()),
                c.heldOutCount()));
        return sb.toString();
    }

    /**
     * A generator's representation: per value the training share, the generated share raw and
     * corrected, and both amplification factors, each with its interval; then the goodness of fit.
     */
    public static String of(RepresentationAudit r) {
        StringBuilder sb = new StringBuilder();
        int w = Math.max(10, r.values().stream().mapToInt(String::length).max().orElse(0) + 2);
        sb.append(String.format(Locale.ROOT, "%s of %d generated samples, as the classifier read them; "
                + "[%.0f %% intervals: Wilson raw, bootstrap corrected]%n", r.attribute(), r.raw().n(), 100 * r.raw().level()));
        sb.append(String.format(Locale.ROOT, "%-" + w + "s %9s  %-22s %-22s %-18s %-18s%n", "value", "training",
                "generated, raw", "generated, corrected", "factor, raw", "factor, corrected"));
        for (Amplification a : r.amplification().values()) {
            sb.append(String.format(Locale.ROOT, "%-" + w + "s %9s  %-22s %-22s %-18s %-18s%n", a.value(),
                    pct(a.trainingShare()), share(a.rawShare()), share(a.correctedShare()), factor(a.rawFactor()),
                    factor(a.correctedFactor())));
        }
        sb.append(String.format(Locale.ROOT, "raw readings against the training shares: chi-squared %.4g on %d df, "
                        + "p = %.3g; total variation %s raw, %s corrected%n", r.raw().chiSquare(),
                r.raw().degreesOfFreedom(), r.raw().pValue(), pct(r.raw().totalVariation()),
                pct(r.correctedTotalVariation())));
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

    private static String share(Amplification.Estimate e) {
        return pct(e.value()) + " [" + num(100 * e.low(), "%.1f") + ", " + num(100 * e.high(), "%.1f") + "]";
    }

    private static String factor(Amplification.Estimate e) {
        return num(e.value(), "%.2f") + " [" + num(e.low(), "%.2f") + ", " + num(e.high(), "%.2f") + "]";
    }

    static String num(double v, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "–";
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }
}
