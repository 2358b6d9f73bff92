package org.atelier.evaluation.fidelity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The intensity scale every fidelity score is computed on: [0, 1], {@code (x + 1) / 2} of the
 * model's [-1, 1] pixels (8-bit value / 255), with a data range of 1 — what scikit-image and
 * torchmetrics compute on float images and what papers' tables report. SSIM is not invariant to
 * shifting intensities (its luminance term (2μxμy + C1)/(μx² + μy² + C1) moves with the means),
 * so scoring the model's own [-1, 1] values with a data range of 2 gives non-standard SSIM, 0.01
 * to 0.05 low on photographs. PSNR is the same on either scale (the data range moves with the
 * pixels); L1 is half and MSE a quarter of their [-1, 1] values.
 */
public final class ScoreScale {
    /** L in SSIM's constants and PSNR: the span of the [0, 1] scale. */
    public static final double DATA_RANGE = 1.0;

    private ScoreScale() {
    }

    /** A pixel of an {@link org.atelier.core.image.Image} (in [-1, 1]) on the [0, 1] scale. */
    public static double of(float pixel) {
        return (pixel + 1.0) * 0.5;
    }

    /** What reports print and write next to the scores, so a reader knows the units and the SSIM variant. */
    public static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("intensities", "[0, 1]");
        m.put("data_range", DATA_RANGE);
        m.put("l1_mse_units", "[0, 1] intensities");
        m.put("ssim", "Gaussian window 11x11, sigma 1.5, population covariance, K1 0.01, K2 0.03 "
                + "(scikit-image gaussian_weights=True, use_sample_covariance=False, data_range=1); "
                + "colour: mean over the R, G, B channels (scikit-image channel_axis); "
                + "whole image: mean of the map with its 5-pixel border cropped; "
                + "hole and band: mean of the map over the region's pixels (edges padded by repeating the edge pixel)");
        return m;
    }

    /** One line for text tables. */
    public static String line() {
        return "scale: intensities in [0, 1], data range 1 (L1 and MSE in [0, 1] units); SSIM: 11x11 Gaussian window, "
                + "sigma 1.5, as scikit-image, colour images averaged over channels";
    }
}
