package org.atelier.evaluation.fidelity;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scores of one inpainted image, per region.
 *
 * @param name         file name of the output image
 * @param channels     channels scored: 1 (grey) or 3 (RGB; SSIM is the mean over the three)
 * @param holeFraction share of pixels in the hole, in [0, 1]; NaN without a mask
 * @param regions      scores per region; only {@link Region#WHOLE} without a mask
 */
public record ImageScores(String name, int channels, double holeFraction, Map<Region, RegionScores> regions) {
    public ImageScores {
        regions = regions.isEmpty() ? Map.of() : new EnumMap<>(regions);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("channels", channels);
        m.put("hole_fraction", FidelityReport.jsonNumber(holeFraction));
        for (Region r : Region.values()) {
            RegionScores s = regions.get(r);
            m.put(r.key(), s == null ? null : s.toJson());
        }
        return m;
    }
}
