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
        s.append(String.format(Locale.ROOT, "%-10s %s%n", "metric", "value"));
        if (r.fid() != null) {
            s.append(String.format(Locale.ROOT, "%-10s %.4f%n", "fid", r.fid()));
            s.append(String.format(Locale.ROOT, "%-10s %s%n", "fid_inf",
                    r.fidInf() == null ? "n/a" : String.format(Locale.ROOT, "%.4f (fitted on %d subset sizes)",
                            r.fidInf(), r.fidInfPoints().size())));
        }
        if (r.kid() != null) {
            s.append(String.format(Locale.ROOT, "%-10s %.6f ± %.6f (%d subsets of %d)%n", "kid", r.kid().mean(),
                    r.kid().std(), r.kid().subsets(), r.kid().subsetSize()));
        }
        if (r.prdc() != null) {
            s.append(String.format(Locale.ROOT, "%-10s %.4f%n%-10s %.4f%n%-10s %.4f%n%-10s %.4f%n(k = %d)%n",
                    "precision", r.prdc().precision(), "recall", r.prdc().recall(), "density", r.prdc().density(),
                    "coverage", r.prdc().coverage(), r.prdc().k()));
        }
        s.append("seed: ").append(r.seed()).append(System.lineSeparator());
        for (String w : r.warnings()) {
            s.append("warning: ").append(w).append(System.lineSeparator());
        }
        return s.toString();
    }
}
