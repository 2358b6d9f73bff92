package org.atelier.evaluation.style;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One stylised image scored against its content and style images.
 *
 * @param styleDistance {@link GramDistance} of the result to the style under the judge net (lower: closer style)
 * @param perceptual    LPIPS-recipe distance of the result to the content under the judge net (lower: content kept)
 * @param ssim          SSIM of the result to the content on [0, 1] intensities (higher: content kept)
 */
public record StyleScores(double styleDistance, double perceptual, double ssim) {
    /** The metric names, in table order, as results.json spells them. */
    public static final List<String> METRICS = List.of("style_distance", "perceptual", "ssim");
    public static final Set<String> HIGHER_IS_BETTER = Set.of("ssim");

    public double get(String metric) {
        return switch (metric) {
            case "style_distance" -> styleDistance;
            case "perceptual" -> perceptual;
            case "ssim" -> ssim;
            default -> throw new IllegalArgumentException("unknown style-transfer metric '" + metric + "'; known: "
                    + METRICS);
        };
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : METRICS) {
            m.put(k, get(k));
        }
        return m;
    }
}
