package org.atelier.evaluation.fidelity;

import org.atelier.core.image.Image;

/**
 * Structural similarity (Wang, Bovik, Sheikh &amp; Simoncelli 2004, "Image quality assessment:
 * from error visibility to structural similarity"):
 *
 * <pre>  SSIM = (2 μx μy + C1)(2 σxy + C2) / ((μx² + μy² + C1)(σx² + σy² + C2)),
 *  C1 = (K1 L)², C2 = (K2 L)², K1 = 0.01, K2 = 0.03, L = data range</pre>
 *
 * computed on intensities in [0, 1] with L = 1 ({@link ScoreScale}), whatever the images' own
 * [-1, 1] range: the value scikit-image's {@code structural_similarity(gaussian_weights=True,
 * sigma=1.5, use_sample_covariance=False, data_range=1)} and torchmetrics report. Local moments
 * are taken under the window (weights summing to 1, i.e. population moments; variances clamped
 * at 0 as torchmetrics). The map is computed at full size, its edges padded by mirroring with the
 * edge pixel repeated (scipy.ndimage's "reflect", which scikit-image uses), and averaged over
 * channels (scikit-image's {@code channel_axis}: the mean of per-channel SSIM). The whole-image
 * score crops the (k−1)/2 border before averaging, as scikit-image and torchmetrics do; a masked
 * score averages the full map over the region's pixels, border pixels included, so holes touching
 * the edge are still scored.
 */
public final class Ssim {
    public static final double K1 = 0.01;
    public static final double K2 = 0.03;

    private Ssim() {
    }

    /** Per-pixel SSIM on the [0, 1] scale, averaged over channels, row-major {@code height × width}. */
    public static double[] map(Image a, Image b, SsimWindow window) {
        if (a.channels() != b.channels() || a.height() != b.height() || a.width() != b.width()) {
            throw new IllegalArgumentException("SSIM needs images of one shape, got " + a + " and " + b);
        }
        int h = a.height();
        int w = a.width();
        int plane = h * w;
        double c1 = (K1 * ScoreScale.DATA_RANGE) * (K1 * ScoreScale.DATA_RANGE);
        double c2 = (K2 * ScoreScale.DATA_RANGE) * (K2 * ScoreScale.DATA_RANGE);
        double[] out = new double[plane];
        double[] x = new double[plane];
        double[] y = new double[plane];
        double[] xx = new double[plane];
        double[] yy = new double[plane];
        double[] xy = new double[plane];
        for (int c = 0; c < a.channels(); c++) {
            int off = c * plane;
            for (int i = 0; i < plane; i++) {
                double u = ScoreScale.of(a.pixels()[off + i]);
                double v = ScoreScale.of(b.pixels()[off + i]);
                x[i] = u;
                y[i] = v;
                xx[i] = u * u;
                yy[i] = v * v;
                xy[i] = u * v;
            }
            double[] mx = filter(x, h, w, window);
            double[] my = filter(y, h, w, window);
            double[] sxx = filter(xx, h, w, window);
            double[] syy = filter(yy, h, w, window);
            double[] sxy = filter(xy, h, w, window);
            for (int i = 0; i < plane; i++) {
                double mx2 = mx[i] * mx[i];
                double my2 = my[i] * my[i];
                double mxy = mx[i] * my[i];
                double vx = Math.max(0.0, sxx[i] - mx2);
                double vy = Math.max(0.0, syy[i] - my2);
                double cov = sxy[i] - mxy;
                out[i] += ((2 * mxy + c1) * (2 * cov + c2)) / ((mx2 + my2 + c1) * (vx + vy + c2));
            }
        }
        for (int i = 0; i < plane; i++) {
            out[i] /= a.channels();
        }
        return out;
    }

    /** Whole-image SSIM: the map's mean with the window's half-size border cropped. NaN if nothing is left. */
    public static double whole(Image a, Image b, SsimWindow window) {
        return whole(map(a, b, window), a.height(), a.width(), window);
    }

    /** Whole-image SSIM of a {@link #map} already computed for an image of {@code h × w}. */
    public static double whole(double[] m, int h, int w, SsimWindow window) {
        double sum = 0;
        long n = 0;
        for (int yy = window.padV(); yy < h - window.padV(); yy++) {
            for (int xx = window.padH(); xx < w - window.padH(); xx++) {
                sum += m[yy * w + xx];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Mean of a map over the flagged pixels; NaN when none is flagged. */
    public static double masked(double[] map, boolean[] region) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < map.length; i++) {
            if (region[i]) {
                sum += map[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Separable correlation with mirror padding ({@link #reflect}); output has the input's size. */
    static double[] filter(double[] img, int h, int w, SsimWindow window) {
        double[] kv = window.vertical();
        double[] kh = window.horizontal();
        int pv = window.padV();
        int ph = window.padH();
        double[] tmp = new double[h * w];
        for (int yy = 0; yy < h; yy++) {
            for (int xx = 0; xx < w; xx++) {
                double s = 0;
                for (int t = 0; t < kh.length; t++) {
                    s += kh[t] * img[yy * w + reflect(xx + t - ph, w)];
                }
                tmp[yy * w + xx] = s;
            }
        }
        double[] out = new double[h * w];
        for (int yy = 0; yy < h; yy++) {
            for (int xx = 0; xx < w; xx++) {
                double s = 0;
                for (int t = 0; t < kv.length; t++) {
                    s += kv[t] * tmp[reflect(yy + t - pv, h) * w + xx];
                }
                out[yy * w + xx] = s;
            }
        }
        return out;
    }

    /**
     * Index into [0, n) mirrored with the edge pixel repeated (…1 0 | 0 1 … n−1 | n−1 n−2 …),
     * scipy.ndimage's "reflect" (numpy's "symmetric"), so the map at the edges is scikit-image's.
     */
    static int reflect(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }
}
