package org.atelier.evaluation.fidelity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mean and population standard deviation of one metric over images (LaMa reports the same
 * pair), skipping NaN (empty regions, or no perceptual network). A +∞ PSNR makes the mean +∞.
 *
 * @param mean  NaN when count = 0
 * @param std   NaN when count = 0
 * @param count images that contributed
 */
public record Summary(double mean, double std, int count) {
    public static Summary of(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new Summary(Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        if (Double.isInfinite(mean)) {
            return new Summary(mean, Double.NaN, n);
        }
        double var = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                var += (v - mean) * (v - mean);
            }
        }
        return new Summary(mean, Math.sqrt(var / n), n);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", FidelityReport.jsonNumber(mean));
        m.put("std", FidelityReport.jsonNumber(std));
        m.put("count", count);
        return m;
    }
}
