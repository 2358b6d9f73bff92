package org.atelier.evaluation.distribution;

import java.util.Locale;

/** A {@link DistributionResult} as fixed-width text, as {@code metrics distribution} prints it. */
public final class DistributionTables {
    private DistributionTables() {
    }

    public static String of(DistributionResult r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "A: %s (N=%d)%nB: %s (N=%d)%n", r.a(), r.nA(), r.b(), r.nB()));
        s.append(String.format(Locale.ROOT, "extractor: %s%s%n", r.extractor(), r.extractorSha256().isEmpty() ? ""
                : " (weights sha256 " + r.extractorSha256().substring(0, Math.min(12, r.extractorSha256().length())) + "…)"));
        s.append("input: ").append(r.extractorInput()).append(System.lineSeparator());
        // N beside every value: a distribution metric means nothing without the sample sizes it was computed on
        String n = String.format(Locale.ROOT, "N=%d vs %d", r.nA(), r.nB());
        s.append(String.format(Locale.ROOT, "%-10s %-44s %s%n", "metric", "value", "samples"));
        if (r.fid() != null) {
            String ci = r.fidInterval() == null ? "" : String.format(Locale.ROOT, " [%.4f, %.4f] 95 %% bootstrap",
                    r.fidInterval().low(), r.fidInterval().high());
            s.append(String.format(Locale.ROOT, "%-10s %-44s %s%s%n", "fid", String.format(Locale.ROOT, "%.4f", r.fid())
                    + ci, n, r.nA() < r.dimension() ? "  (biased: N below dimension " + r.dimension() + ")" : ""));
            s.append(String.format(Locale.ROOT, "%-10s %-44s %s%n", "fid_inf",
                    r.fidInf() == null ? "n/a" : String.format(Locale.ROOT, "%.4f (fit on %d subset sizes)",
                            r.fidInf(), r.fidInfPoints().size()), n));
        }
        if (r.kid() != null) {
            s.append(String.format(Locale.ROOT, "%-10s %-44s %s%n", "kid", String.format(Locale.ROOT,
                    "%.6f ± %.6f (%d subsets of %d)", r.kid().mean(), r.kid().std(), r.kid().subsets(),
                    r.kid().subsetSize()), n));
        }
        if (r.prdc() != null) {
            String k = String.format(Locale.ROOT, "%s, k=%d", n, r.prdc().k());
            s.append(String.format(Locale.ROOT, "%-10s %-44.4f %s%n%-10s %-44.4f %s%n%-10s %-44.4f %s%n%-10s %-44.4f %s%n",
                    "precision", r.prdc().precision(), k, "recall", r.prdc().recall(), k, "density",
                    r.prdc().density(), k, "coverage", r.prdc().coverage(), k));
        }
        if (r.fid() != null && r.fidInterval() != null) {
            s.append(SampleSizeAdvice.neededLine("FID", r.nA(), (r.fidInterval().high() - r.fidInterval().low()) / 2,
                    0.1 * r.fid())).append(System.lineSeparator());
        }
        s.append("seed: ").append(r.seed()).append(System.lineSeparator());
        for (String w : r.warnings()) {
            s.append("warning: ").append(w).append(System.lineSeparator());
        }
        return s.toString();
    }
}
