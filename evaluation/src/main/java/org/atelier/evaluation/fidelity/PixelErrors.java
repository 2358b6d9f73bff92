package org.atelier.evaluation.fidelity;

import org.atelier.core.image.Image;

/**
 * Pixel errors on the [0, 1] scale ({@link ScoreScale}) averaged over a region's pixels only (all
 * channels): the sum of errors inside the region divided by (region pixels × channels).
 * Multiplying by the mask and averaging over the whole image instead would dilute the error by the
 * hole's share and inflate PSNR.
 */
public final class PixelErrors {
    private PixelErrors() {
    }

    /** Mean squared error of [0, 1] intensities over the flagged pixels; NaN when none is flagged. */
    public static double mse(Image a, Image b, boolean[] region) {
        return mean(a, b, region, true);
    }

    /** Mean absolute error of [0, 1] intensities over the flagged pixels; NaN when none is flagged. */
    public static double l1(Image a, Image b, boolean[] region) {
        return mean(a, b, region, false);
    }

    /**
     * PSNR = 10 log10(L² / MSE) in dB with L = 1, for an MSE of [0, 1] intensities (the same as
     * L = 255 on 8-bit values); +∞ when MSE = 0, NaN when MSE is NaN.
     */
    public static double psnr(double mse) {
        if (Double.isNaN(mse)) {
            return Double.NaN;
        }
        if (mse == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return 10.0 * Math.log10(ScoreScale.DATA_RANGE * ScoreScale.DATA_RANGE / mse);
    }

    private static double mean(Image a, Image b, boolean[] region, boolean squared) {
        int plane = a.height() * a.width();
        double sum = 0;
        long n = 0;
        for (int c = 0; c < a.channels(); c++) {
            int off = c * plane;
            for (int i = 0; i < plane; i++) {
                if (region[i]) {
                    double d = ScoreScale.of(a.pixels()[off + i]) - ScoreScale.of(b.pixels()[off + i]);
                    sum += squared ? d * d : Math.abs(d);
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
