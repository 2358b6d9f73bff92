package org.atelier.evaluation.fidelity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scores of one image on one region. NaN where the region is empty (e.g. no band around a
 * hole that fills the image).
 *
 * @param psnr       dB, higher is better; +∞ for a perfect match
 * @param ssim       on [0, 1] intensities with data range 1 (its values lie in [-1, 1]), higher is better
 * @param l1         mean absolute error of [0, 1] intensities (so at most 1), lower is better
 * @param mse        mean squared error of [0, 1] intensities, lower is better
 * @param perceptual LPIPS-recipe distance, lower is better; NaN when not computed
 * @param pixels     pixels in the region
 */
public record RegionScores(double psnr, double ssim, double l1, double mse, double perceptual, int pixels) {
    /** Metric names, in report order. */
    public static final String[] METRICS = {"psnr", "ssim", "l1", "mse", "perceptual"};

    public double get(String metric) {
        return switch (metric) {
            case "psnr" -> psnr;
            case "ssim" -> ssim;
            case "l1" -> l1;
            case "mse" -> mse;
            case "perceptual" -> perceptual;
            default -> throw new IllegalArgumentException("unknown metric " + metric);
        };
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : METRICS) {
            m.put(k, FidelityReport.jsonNumber(get(k)));
        }
        m.put("pixels", pixels);
        return m;
    }
}
