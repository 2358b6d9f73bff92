package org.atelier.evaluation.fidelity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fidelity of a set of inpaintings: per image, aggregated over all images, and aggregated by
 * hole area in 10 equal bins of the hole fraction (0–10 %, …, 90–100 %; a fraction of exactly
 * 1 goes to the last bin), as LaMa's evaluator groups them.
 *
 * @param composited        whether the original was pasted outside the hole before scoring
 * @param bandPx            seam band width
 * @param perceptualNetwork network of the perceptual distance, or {@code none}
 * @param images            per-image scores, in file-name order
 * @param overall           per region and metric, over all images
 * @param bins              per hole-area bin (empty without masks)
 */
public record FidelityReport(boolean composited, int bandPx, String perceptualNetwork, List<ImageScores> images,
                             Map<Region, Map<String, Summary>> overall, List<AreaBin> bins) {
    public static final int AREA_BINS = 10;

    public FidelityReport {
        images = List.copyOf(images);
        bins = List.copyOf(bins);
    }

    /** One hole-area bin, e.g. {@code 10-20%}: images whose hole fraction lies in [from, to). */
    public record AreaBin(String name, double from, double to, int images, Map<Region, Map<String, Summary>> scores) {
    }

    public static FidelityReport of(boolean composited, int bandPx, String perceptualNetwork, List<ImageScores> images) {
        List<AreaBin> bins = new ArrayList<>();
        boolean masked = !images.isEmpty() && images.stream().allMatch(i -> !Double.isNaN(i.holeFraction()));
        if (masked) {
            for (int b = 0; b < AREA_BINS; b++) {
                int bin = b;
                List<ImageScores> in = images.stream().filter(i -> binOf(i.holeFraction()) == bin).toList();
                double from = b / (double) AREA_BINS;
                double to = (b + 1) / (double) AREA_BINS;
                bins.add(new AreaBin(String.format(Locale.ROOT, "%d-%d%%", b * 100 / AREA_BINS, (b + 1) * 100 / AREA_BINS),
                        from, to, in.size(), aggregate(in)));
            }
        }
        return new FidelityReport(composited, bandPx, perceptualNetwork, images, aggregate(images), bins);
    }

    /** Bin index of a hole fraction in [0, 1]. */
    static int binOf(double fraction) {
        return Math.min(AREA_BINS - 1, Math.max(0, (int) Math.floor(fraction * AREA_BINS)));
    }

    static Map<Region, Map<String, Summary>> aggregate(List<ImageScores> images) {
        Map<Region, Map<String, Summary>> out = new EnumMap<>(Region.class);
        for (Region r : Region.values()) {
            if (images.isEmpty() || images.stream().anyMatch(i -> !i.regions().containsKey(r))) {
                continue;
            }
            Map<String, Summary> metrics = new LinkedHashMap<>();
            for (String metric : RegionScores.METRICS) {
                double[] v = images.stream().mapToDouble(i -> i.regions().get(r).get(metric)).toArray();
                metrics.put(metric, Summary.of(v));
            }
            out.put(r, metrics);
        }
        return out;
    }

    /** "grey", "RGB" or "grey and RGB": the kinds of image scored (SSIM of an RGB one is the mean over its channels). */
    public String imageKind() {
        boolean grey = images.stream().anyMatch(i -> i.channels() == 1);
        boolean rgb = images.stream().anyMatch(i -> i.channels() == 3);
        return grey && rgb ? "grey and RGB" : rgb ? "RGB" : "grey";
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("composited", composited);
        m.put("band_px", bandPx);
        m.put("perceptual_network", perceptualNetwork);
        m.put("scale", ScoreScale.describe());
        m.put("images", images.size());
        m.put("image_kind", imageKind());
        m.put("overall", regionsJson(overall));
        List<Object> binJson = new ArrayList<>();
        for (AreaBin b : bins) {
            Map<String, Object> bj = new LinkedHashMap<>();
            bj.put("bin", b.name());
            bj.put("images", b.images());
            bj.put("scores", regionsJson(b.scores()));
            binJson.add(bj);
        }
        m.put("by_hole_area", binJson);
        m.put("per_image", images.stream().map(ImageScores::toJson).toList());
        return m;
    }

    private static Map<String, Object> regionsJson(Map<Region, Map<String, Summary>> scores) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Region r : Region.values()) {
            Map<String, Summary> s = scores.get(r);
            if (s == null) {
                m.put(r.key(), null);
                continue;
            }
            Map<String, Object> metrics = new LinkedHashMap<>();
            s.forEach((k, v) -> metrics.put(k, v.toJson()));
            m.put(r.key(), metrics);
        }
        return m;
    }

    /** NaN becomes JSON null; ±∞ stays a double (written as a quoted "Infinity" by the project mapper). */
    static Object jsonNumber(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
