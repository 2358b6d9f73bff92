package org.atelier.experiments.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atelier.evaluation.audit.Amplification;
import org.atelier.evaluation.audit.DatasetAudit;
import org.atelier.evaluation.audit.RepresentationAudit;
import org.atelier.evaluation.audit.ShareComparison;
import org.atelier.evaluation.audit.SliceFrame;
import org.atelier.evaluation.audit.SliceStats;

/**
 * The audit's findings in sentences a non-statistician can act on, each with its numbers and
 * interval: what share a slice has, what share the generator gives it, whether that shrinks,
 * reproduces or amplifies it, and how far the reading can be trusted.
 */
final class AuditFindings {
    private AuditFindings() {
    }

    static List<String> dataset(DatasetAudit a, String attribute) {
        List<String> out = new ArrayList<>();
        ShareComparison s = a.shares();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "In %s (%d images), ", a.dataset(), s.n()));
        List<String> parts = new ArrayList<>();
        s.rows().values().forEach(r -> parts.add(String.format(Locale.ROOT, "%s are %s [%s, %s]",
                phrase(attribute, r.name()), pct(r.share()), pct(r.ciLow()), pct(r.ciHigh()))));
        sb.append(String.join("; ", parts)).append(String.format(Locale.ROOT,
                ". Against equal shares (%s each) that is %s (chi-squared p %s; total variation %s).",
                pct(1.0 / s.rows().size()), s.pValue() < 0.05 ? "a clear imbalance" : "no detectable imbalance",
                p(s.pValue()), pct(s.totalVariation())));
        out.add(sb.toString());
        return out;
    }

    static List<String> generator(String name, RepresentationAudit r, int n, String attribute) {
        List<String> out = new ArrayList<>();
        for (Amplification a : r.amplification().values()) {
            Amplification.Estimate f = a.correctedFactor();
            if (!Double.isFinite(f.value())) {
                out.add(String.format(Locale.ROOT, "%s: %s are absent from the training set and %s of %d generated "
                        + "samples as the classifier reads them.", name, phrase(attribute, a.value()),
                        pct(a.rawShare().value()), n));
                continue;
            }
            // judged on the wider of the raw (Wilson) and corrected (bootstrap) intervals: the bootstrap of a
            // slice drawn 0 times collapses to [0, 0], the Wilson interval does not
            double low = Math.min(f.low(), a.rawFactor().low());
            double high = Math.max(f.high(), a.rawFactor().high());
            String verdict = high < 1 ? "the generator shrinks this slice"
                    : low > 1 ? "the generator amplifies this slice"
                    : String.format(Locale.ROOT, "consistent with reproducing its share (with %d samples the factor "
                    + "could lie anywhere from %.2f to %.2f; more samples narrow it)", n, low, high);
            out.add(String.format(Locale.ROOT, "%s: %s are %s of the training set and %s [%s, %s] of %d generated "
                            + "samples as the classifier reads them, %s [%s, %s] corrected for its errors: an "
                            + "amplification factor of %.2f [%.2f, %.2f] — %s.", name, phrase(attribute, a.value()),
                    pct(a.trainingShare()), pct(a.rawShare().value()), pct(a.rawShare().low()), pct(a.rawShare().high()), n,
                    pct(a.correctedShare().value()), pct(a.correctedShare().low()), pct(a.correctedShare().high()),
                    f.value(), f.low(), f.high(), verdict));
        }
        out.add(String.format(Locale.ROOT, "%s: over all slices, the generated shares differ from the training shares by "
                        + "a total variation of %s raw and %s corrected (chi-squared p %s on the raw readings).", name,
                pct(r.raw().totalVariation()), pct(r.correctedTotalVariation()), p(r.raw().pValue())));
        return out;
    }

    static String classifier(double accuracy, int heldOut, RepresentationAudit r) {
        List<SliceStats> weak = r.classifierWeakSlices();
        String base = String.format(Locale.ROOT, "The attribute classifier reads %s correctly on %s of %d held-out "
                + "real images. Generated images can be blurred or mix features, and its accuracy on them is not "
                + "measured: the correction assumes it errs on them as on real ones, so a generated face it reads "
                + "wrongly is counted in the wrong slice, raw and corrected; the sample grids show what it read.",
                "the " + r.attribute(), pct(accuracy), heldOut);
        if (weak.isEmpty()) {
            return base + " No slice is read significantly worse than the others (Holm-adjusted chi-squared tests), so "
                    + "raw and corrected shares should agree within their intervals.";
        }
        List<String> parts = weak.stream().map(s -> String.format(Locale.ROOT, "%s (%s [%s, %s])", s.name(),
                pct(s.value()), pct(s.ciLow()), pct(s.ciHigh()))).toList();
        return base + " It is significantly less accurate on " + String.join(", ", parts) + ": raw readings of "
                + (weak.size() == 1 ? "that slice are" : "those slices are") + " biased, and the corrected shares are the "
                + "ones to trust.";
    }

    /** How often a steered generator drew what it was asked, per asked value. */
    static String steering(String name, SliceFrame readAsAsked) {
        List<String> parts = new ArrayList<>();
        readAsAsked.slices().values().forEach(s -> parts.add(s.tooSmall()
                ? String.format(Locale.ROOT, "asked for %s, %d samples (too few to estimate)", s.name(), s.n())
                : String.format(Locale.ROOT, "asked for %s, read as %s in %s [%s, %s] of %d", s.name(), s.name(),
                pct(s.value()), pct(s.ciLow()), pct(s.ciHigh()), s.n())));
        return name + ": " + String.join("; ", parts) + ".";
    }

    /** "dark-skinned portraits" for skin groups, "portraits with age old" otherwise. */
    static String phrase(String attribute, String value) {
        return attribute.equals("skin_group") ? value + "-skinned portraits" : "portraits with " + attribute + " " + value;
    }

    static String pct(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f %%", 100 * share) : "–";
    }

    static String p(double p) {
        return !Double.isFinite(p) ? "not computed" : p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", p);
    }
}
