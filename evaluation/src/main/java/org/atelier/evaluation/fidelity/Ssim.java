package org.atelier.evaluation.fidelity;

import org.atelier.core.image.Image;

/**
 * Structural similarity (Wang, Bovik, Sheikh &amp; Simoncelli 2004, "Image quality assessment:
 * from error visibility to structural similarity"):
 *
 * <pre>  SSIM = (2 μx μy + C1)(2 σxy + C2) / ((μx² + μy² + C1)(σx² + σy² + C2)),
 *  C1 = (K1 L)², C2 = (K2 L)², K1 = 0.01, K2 = 0.03, L = data range</pre>
 *
 * with local moments under the window (weights summing to 1, i.e. population moments —
 * skimage's {@code use_sample_covariance=False}; variances clamped at 0 as torchmetrics). The
 * map is computed at full size with reflection padding ("reflect", edge not repeated) and
 * averaged over channels. The whole-image score crops the (k−1)/2 border before averaging,
 * which reproduces torchmetrics' published values; a masked score averages the full map over
 * the region's pixels, border pixels included, so holes touching the edge are still scored.
 */
public final class Ssim {
    public static final double K1 = 0.01;
    public static final double K2 = 0.03;

    private Ssim() {
    }

    /**
     * Per-pixel SSIM averaged over channels, row-major {@code height × width}.
     *
     * @param dataRange L, the span of valid pixel values (2 for images in [-1, 1])
     */
    public static double[] map(Image a, Image b, SsimWindow window, double dataRange) {
        if (a.channels() != b.channels() || a.height() != b.height() || a.width() != b.width()) {
            throw new IllegalArgumentException("SSIM needs images of one shape, got " + a + " and " + b);
        }
        int h = a.height();
        int w = a.width();
        int plane = h * w;
        double c1 = (K1 * dataRange) * (K1 * dataRange);
        double c2 = (K2 * dataRange) * (K2 * dataRange);
        double[] out = new double[plane];
        double[] x = new double[plane];
        double[] y = new double[plane];
        double[] xx = new double[plane];
        double[] yy = new double[plane];
        double[] xy = new double[plane];
        for (int c = 0; c < a.channels(); c++) {
            int off = c * plane;
            for (int i = 0; i < plane; i++) {
                double u = a.pixels()[off + i];
                double v = b.pixels()[off + i];
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

    /** Whole-image SSIM: the map's mean with the window's half-size border cropped (torchmetrics). NaN if nothing is left. */
    public static double whole(Image a, Image b, SsimWindow window, double dataRange) {
        double[] m = map(a, b, window, dataRange);
        int h = a.height();
        int w = a.width();
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

    /** Separable correlation with reflection padding; output has the input's size. */
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

    /** Index into [0, n) mirrored about the edge pixels (…2 1 | 0 1 2 … n−1 | n−2 …). */
    static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }
}
