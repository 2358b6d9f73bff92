package org.atelier.experiments.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atelier.evaluation.audit.FidelitySlices;
import org.atelier.evaluation.audit.SliceDistribution;
import org.atelier.evaluation.audit.SliceFrame;
import org.atelier.evaluation.audit.SliceStats;

/** The quality findings in sentences: how far each slice's samples lie from real faces, and how well holes are filled per slice. */
final class QualityFindings {
    private QualityFindings() {
    }

    /** One sentence per generator: KID per slice, and whether any slice is clearly worse than the best. */
    static String distribution(String name, SliceDistribution q, String attribute) {
        List<String> parts = new ArrayList<>();
        List<String> small = new ArrayList<>();
        for (SliceDistribution.Row r : q.slices().values()) {
            if (r.tooSmall()) {
                small.add(String.format(Locale.ROOT, "%s (%d)", r.name(), r.generated()));
            } else {
                parts.add(String.format(Locale.ROOT, "%s %s", r.name(), kid(r.kid())));
            }
        }
        StringBuilder sb = new StringBuilder(name + ": quality per slice, as the KID between the samples read as a "
                + "slice and real portraits of that slice (lower is closer; 95 % intervals): ");
        sb.append(parts.isEmpty() ? "no slice has enough samples" : String.join(", ", parts)).append('.');
        if (!small.isEmpty()) {
            sb.append(String.format(Locale.ROOT, " Too few samples to estimate (fewer than %d): %s; more samples would "
                    + "measure them.", q.options().minSize(), String.join(", ", small)));
        }
        List<SliceDistribution.Row> worse = q.worseThanBest();
        if (q.best() != null && parts.size() > 1) {
            if (worse.isEmpty()) {
                sb.append(" No slice is clearly worse than the best one (").append(q.best()).append("): every "
                        + "difference's interval includes 0, so these samples show no quality gap between slices.");
            } else {
                List<String> w = worse.stream().map(r -> String.format(Locale.ROOT, "%s (KID %s higher%s)",
                        AuditFindings.phrase(attribute, r.name()), interval(r.kidDifference(), "%.4f"),
                        Double.isFinite(r.kidRatio()) ? String.format(Locale.ROOT, ", %.1f×", r.kidRatio()) : "")).toList();
                sb.append(" Generated ").append(String.join(" and ", w)).append(" are clearly further from real faces "
                        + "of their slice than those of the best slice (").append(q.best()).append("): the generator's "
                        + "quality is worse there.");
            }
        }
        return sb.toString();
    }

    /** One sentence on inpainting: PSNR per slice, and the slices that differ significantly on any metric. */
    static String inpainting(QualityPerSlice.Inpainted in, String attribute) {
        FidelitySlices f = in.slices();
        SliceFrame psnr = f.metrics().get("psnr");
        List<String> parts = new ArrayList<>();
        for (SliceStats s : psnr.slices().values()) {
            parts.add(s.tooSmall() ? s.name() + " too few images" : String.format(Locale.ROOT, "%s %.2f dB [%.2f, %.2f]",
                    s.name(), s.value(), s.ciLow(), s.ciHigh()));
        }
        List<String> significant = new ArrayList<>();
        f.metrics().forEach((metric, frame) -> frame.estimated().stream().filter(s -> s.pAdjusted() < 0.05)
                .forEach(s -> significant.add(String.format(Locale.ROOT, "%s on %s (%s %s overall, adjusted p %.3g)",
                        metric.toUpperCase(Locale.ROOT), s.name(), signed(s.difference()), better(metric, s.difference()),
                        s.pAdjusted()))));
        String base = String.format(Locale.ROOT, "Inpainting (%s, %s; %d portraits of %s with %s holes, %.0f %% of "
                        + "the image on average): on the hole, PSNR is %s, against %.2f dB overall.", in.config().model(),
                in.method(), in.config().n(), in.config().dataset(), in.config().maskKind(), 100 * in.meanHole(),
                String.join(", ", parts), psnr.overall().value());
        if (significant.isEmpty()) {
            return base + String.format(Locale.ROOT, " No slice is filled significantly better or worse than the rest on "
                    + "PSNR, SSIM or L1 (Mann-Whitney tests, Holm-adjusted across the %d comparisons): no fidelity gap "
                    + "by %s is shown at this size.", comparisons(f), attribute);
        }
        return base + " Significant differences (Holm-adjusted across every slice and metric): "
                + String.join("; ", significant) + ".";
    }

    private static int comparisons(FidelitySlices f) {
        return f.metrics().values().stream().mapToInt(m -> (int) m.slices().values().stream()
                .filter(s -> Double.isFinite(s.pValue())).count()).sum();
    }

    private static String better(String metric, double difference) {
        boolean higherIsBetter = metric.equals("psnr") || metric.equals("ssim");
        return (difference > 0) == higherIsBetter ? "better than" : "worse than";
    }

    private static String signed(double v) {
        return String.format(Locale.ROOT, "%+.3g", v);
    }

    static String kid(SliceDistribution.Estimate e) {
        return interval(e, "%.4f");
    }

    static String interval(SliceDistribution.Estimate e, String format) {
        return Double.isFinite(e.value()) ? String.format(Locale.ROOT, format + " [" + format + ", " + format + "]",
                e.value(), e.low(), e.high()) : "–";
    }
}
