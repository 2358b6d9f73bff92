package org.atelier.evaluation.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.evaluation.fidelity.FidelityReport;
import org.atelier.evaluation.fidelity.ImageScores;
import org.atelier.evaluation.fidelity.Region;
import org.atelier.evaluation.fidelity.RegionScores;

/**
 * Inpainting fidelity broken down by slices: each image's scores on the hole (on the whole image
 * when there were no masks), joined with its attributes, one {@link SliceFrame} per metric, with
 * p-values adjusted across every slice and metric of the breakdown (Holm by default): testing four
 * metrics on the same slices is one family of comparisons, not four.
 *
 * <p>An image whose score is not a finite number (PSNR of a fill identical to the original is +∞)
 * is left out of that metric's frame, and counted in {@link #excluded}.
 *
 * @param region   the region scored
 * @param metrics  metric → its frame, in {@link #METRICS} order; metrics the report does not hold
 *                 (perceptual without a network) are absent
 * @param excluded metric → images left out of its frame
 */
public record FidelitySlices(Region region, List<String> by, Map<String, SliceFrame> metrics,
                             Map<String, Integer> excluded) {
    /** The metrics broken down (MSE is left out: it ranks as L1 and PSNR do). */
    public static final List<String> METRICS = List.of("psnr", "ssim", "l1", "perceptual");

    public FidelitySlices {
        by = List.copyOf(by);
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        excluded = Map.copyOf(excluded);
    }

    /**
     * The breakdown of a report whose images' attributes a manifest lists ({@link ImageAttributes}):
     * {@code inpaint-eval} writes one beside its reference images; an auditor's folder brings its own.
     *
     * @throws InvalidInputException naming the manifest when an image has no row or a column is missing
     */
    public static FidelitySlices of(FidelityReport report, java.nio.file.Path manifest, List<String> by, SliceOptions o) {
        List<String> names = report.images().stream().map(ImageScores::name).toList();
        List<Map<String, String>> rows = ImageAttributes.of(names, ImageAttributes.read(manifest), manifest);
        for (String column : by) {
            if (!rows.isEmpty() && !rows.get(0).containsKey(column)) {
                throw new InvalidInputException(manifest + ": no column '" + column + "' for --by; columns: "
                        + String.join(", ", rows.get(0).keySet()));
            }
        }
        return of(report, rows, by, o);
    }

    /**
     * @param attributes one attribute row per image of {@code report}, in its order ({@link ImageAttributes#of})
     * @throws InvalidInputException when the rows and images are not aligned or a column is missing
     */
    public static FidelitySlices of(FidelityReport report, List<Map<String, String>> attributes, List<String> by,
                                    SliceOptions o) {
        List<ImageScores> images = report.images();
        if (attributes.size() != images.size()) {
            throw new InvalidInputException(images.size() + " scored images but " + attributes.size() + " attribute rows");
        }
        Region region = images.stream().allMatch(i -> i.regions().containsKey(Region.HOLE)) ? Region.HOLE : Region.WHOLE;
        Map<String, double[]> values = new LinkedHashMap<>();
        Map<String, List<Map<String, String>>> rows = new LinkedHashMap<>();
        Map<String, Integer> excluded = new LinkedHashMap<>();
        for (String metric : METRICS) {
            List<Double> v = new ArrayList<>();
            List<Map<String, String>> r = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                RegionScores s = images.get(i).regions().get(region);
                double x = s == null ? Double.NaN : s.get(metric);
                if (Double.isFinite(x)) {
                    v.add(x);
                    r.add(attributes.get(i));
                }
            }
            if (v.isEmpty()) {
                continue;
            }
            values.put(metric, v.stream().mapToDouble(Double::doubleValue).toArray());
            rows.put(metric, r);
            excluded.put(metric, images.size() - v.size());
        }
        // every metric's frame first without correction, then Holm/BH over the p-values of all of them
        SliceOptions raw = o.withMeasure(SliceOptions.Measure.MEAN);
        Map<String, SliceFrame> frames = new LinkedHashMap<>();
        values.forEach((metric, v) -> frames.put(metric, SliceFrame.of(metric + "_" + region.key(), v, rows.get(metric),
                by, raw)));
        return new FidelitySlices(region, by, SliceFrame.adjustTogether(frames, o.correction()), excluded);
    }

    /** The breakdown as JSON: region, columns, and per metric the frame ({@link SliceFrame#toJson}). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", region.key());
        m.put("by", by);
        m.put("correction", "across every slice of every metric below");
        Map<String, Object> f = new LinkedHashMap<>();
        metrics.forEach((k, v) -> {
            Map<String, Object> j = v.toJson();
            j.put("excluded_not_finite", excluded.get(k));
            f.put(k, j);
        });
        m.put("metrics", f);
        return m;
    }

    /** One table per metric, for a terminal. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append("by ").append(String.join(" × ", by)).append(", on the ").append(region.key())
                .append(" (p adjusted across every slice of every metric):").append(System.lineSeparator());
        metrics.forEach((k, v) -> {
            sb.append(System.lineSeparator()).append(AuditTables.of(v));
            if (excluded.get(k) > 0) {
                sb.append(excluded.get(k)).append(" images with a score that is not finite left out")
                        .append(System.lineSeparator());
            }
        });
        return sb.toString();
    }
}
