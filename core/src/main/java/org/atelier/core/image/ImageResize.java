package org.atelier.core.image;

/**
 * Brings images to one size: centre-crop to the target aspect ratio, then area-averaging
 * resampling.
 *
 * <p>Hand-written rather than Java2D's {@code drawImage} scaling or
 * {@code getScaledInstance}: Java2D's bilinear and bicubic paths sample a fixed 2 × 2 or 4 × 4
 * neighbourhood whatever the shrink factor, so a 1024 → 64 reduction reads about 1 source
 * pixel in 256 and aliases (moiré on fabric and hair, jagged edges), and the one averaging
 * mode ({@code SCALE_AREA_AVERAGING}) goes through the legacy ImageProducer pipeline
 * ({@code AreaAveragingScaleFilter}): slow, and it hands back an AWT image, not a raster.
 * Here each output pixel is the exact area-weighted mean of the source pixels its footprint
 * covers (a box filter of the footprint's size — the "INTER_AREA" rule of OpenCV), which needs
 * no anti-aliasing pre-blur at any factor.
 *
 * <p>Enlarging also works but gives blocky, nearest-neighbour-like results, since an output
 * footprint then falls within one or two source pixels; datasets are expected to shrink.
 */
public final class ImageResize {
    private ImageResize() {
    }

    /**
     * Centre-crops {@code src} to the aspect ratio {@code width : height}, then area-averages it
     * down to {@code height × width}. Channels are kept. Returns {@code src} itself when it already
     * has the target size.
     */
    public static Image centreCropResize(Image src, int height, int width) {
        return areaResize(centreCrop(src, height, width), height, width);
    }

    /**
     * The largest centred window of {@code src} whose aspect ratio is {@code width : height}
     * (to the nearest pixel). When the number of rows or columns to drop is odd, the extra one
     * is dropped from the bottom or right. Returns {@code src} when no crop is needed.
     */
    public static Image centreCrop(Image src, int height, int width) {
        checkSize(height, width);
        long srcW = src.width();
        long srcH = src.height();
        int cropW = src.width();
        int cropH = src.height();
        if (srcW * height > srcH * width) {
            cropW = (int) Math.max(1, Math.min(srcW, Math.round(srcH * (double) width / height)));
        } else if (srcW * height < srcH * width) {
            cropH = (int) Math.max(1, Math.min(srcH, Math.round(srcW * (double) height / width)));
        }
        if (cropW == src.width() && cropH == src.height()) {
            return src;
        }
        int x0 = (src.width() - cropW) / 2;
        int y0 = (src.height() - cropH) / 2;
        int c = src.channels();
        float[] out = new float[c * cropH * cropW];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < cropH; y++) {
                System.arraycopy(src.pixels(), (ch * src.height() + y0 + y) * src.width() + x0,
                        out, (ch * cropH + y) * cropW, cropW);
            }
        }
        return new Image(c, cropH, cropW, out);
    }

    /**
     * Resamples {@code src} to {@code height × width} (aspect ratio not preserved) where each output
     * pixel is the area-weighted mean of the source pixels under its footprint. Separable: the
     * overlap area of two axis-aligned rectangles is the product of their overlaps on each axis.
     * Returns {@code src} when it already has the target size.
     */
    public static Image areaResize(Image src, int height, int width) {
        checkSize(height, width);
        if (src.height() == height && src.width() == width) {
            return src;
        }
        int c = src.channels();
        int sh = src.height();
        int sw = src.width();
        Taps tx = Taps.of(sw, width);
        Taps ty = Taps.of(sh, height);
        float[] in = src.pixels();
        // Pass 1: columns, every source row -> (c, sh, width).
        double[] mid = new double[c * sh * width];
        for (int row = 0; row < c * sh; row++) {
            int base = row * sw;
            for (int x = 0; x < width; x++) {
                double acc = 0;
                double[] w = tx.weights[x];
                int s = tx.start[x];
                for (int k = 0; k < w.length; k++) {
                    acc += w[k] * in[base + s + k];
                }
                mid[row * width + x] = acc;
            }
        }
        // Pass 2: rows -> (c, height, width).
        float[] out = new float[c * height * width];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < height; y++) {
                double[] w = ty.weights[y];
                int s = ty.start[y];
                for (int x = 0; x < width; x++) {
                    double acc = 0;
                    for (int k = 0; k < w.length; k++) {
                        acc += w[k] * mid[(ch * sh + s + k) * width + x];
                    }
                    out[(ch * height + y) * width + x] = (float) acc;
                }
            }
        }
        return new Image(c, height, width, out);
    }

    private static void checkSize(int height, int width) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("target size must be positive, got " + width + "x" + height);
        }
    }

    /**
     * Per output index o along one axis: the first source index its footprint
     * [o·n/m, (o+1)·n/m) touches, and the normalised overlap of each touched source pixel.
     */
    private record Taps(int[] start, double[][] weights) {
        static Taps of(int n, int m) {
            int[] start = new int[m];
            double[][] weights = new double[m][];
            double scale = (double) n / m;
            for (int o = 0; o < m; o++) {
                double lo = o * scale;
                double hi = Math.min(n, (o + 1) * scale);
                int i0 = Math.min(n - 1, (int) Math.floor(lo));
                int i1 = Math.max(i0 + 1, Math.min(n, (int) Math.ceil(hi)));
                double[] w = new double[i1 - i0];
                double sum = 0;
                for (int i = i0; i < i1; i++) {
                    double overlap = Math.max(0, Math.min(i + 1, hi) - Math.max(i, lo));
                    w[i - i0] = overlap;
                    sum += overlap;
                }
                // Normalise by the summed overlap (not n/m) so rounding never brightens or darkens.
                for (int k = 0; k < w.length; k++) {
                    w[k] /= sum;
                }
                start[o] = i0;
                weights[o] = w;
            }
            return new Taps(start, weights);
        }
    }
}
