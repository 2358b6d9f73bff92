package org.atelier.evaluation.fidelity;

import java.util.List;
import org.atelier.models.features.FeatureMap;

/**
 * A perceptual distance following LPIPS' recipe (Zhang et al. 2018, "The Unreasonable
 * Effectiveness of Deep Features as a Perceptual Metric") on the project's own network:
 * for each layer, unit-normalise every position's channel vector (ε = 1e-10 as LPIPS), take
 * the squared difference summed over channels, average over space, and sum over layers. No
 * learned per-channel weights exist for our network, so every channel weighs 1 (LPIPS'
 * "baseline" variant). Not comparable with published LPIPS numbers — it names its network.
 *
 * <p>Masked: a layer position counts for a region when any image pixel of the cell it covers
 * (the image split evenly into the layer's grid) lies in the region, so narrow seam bands
 * still reach the deep, coarse layers. A layer without a single such position is skipped;
 * if every layer is, the distance is NaN.
 */
public final class PerceptualDistance {
    private static final double EPS = 1e-10;

    private PerceptualDistance() {
    }

    /**
     * @param a      layers of the first image, shallow to deep
     * @param b      layers of the second image, same shapes
     * @param region image-pixel flags ({@code height × width}), or null for the whole image
     */
    public static double distance(List<FeatureMap> a, List<FeatureMap> b, boolean[] region, int height, int width) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("layer counts differ: " + a.size() + " vs " + b.size());
        }
        double total = 0;
        boolean any = false;
        for (int l = 0; l < a.size(); l++) {
            FeatureMap fa = a.get(l);
            FeatureMap fb = b.get(l);
            if (fa.channels() != fb.channels() || fa.height() != fb.height() || fa.width() != fb.width()) {
                throw new IllegalArgumentException("layer " + fa.name() + " shapes differ");
            }
            boolean[] cells = region == null ? null : cellsInRegion(region, height, width, fa.height(), fa.width());
            double sum = 0;
            long n = 0;
            int plane = fa.height() * fa.width();
            for (int p = 0; p < plane; p++) {
                if (cells != null && !cells[p]) {
                    continue;
                }
                double na = 0;
                double nb = 0;
                for (int c = 0; c < fa.channels(); c++) {
                    double u = fa.values()[c * plane + p];
                    double v = fb.values()[c * plane + p];
                    na += u * u;
                    nb += v * v;
                }
                double sa = 1.0 / (Math.sqrt(na) + EPS);
                double sb = 1.0 / (Math.sqrt(nb) + EPS);
                double d = 0;
                for (int c = 0; c < fa.channels(); c++) {
                    double diff = fa.values()[c * plane + p] * sa - fb.values()[c * plane + p] * sb;
                    d += diff * diff;
                }
                sum += d;
                n++;
            }
            if (n > 0) {
                total += sum / n;
                any = true;
            }
        }
        return any ? total : Double.NaN;
    }

    /** Which cells of a gh × gw grid laid over the image contain at least one region pixel. */
    static boolean[] cellsInRegion(boolean[] region, int height, int width, int gh, int gw) {
        boolean[] cells = new boolean[gh * gw];
        for (int y = 0; y < height; y++) {
            int cy = Math.min(gh - 1, (int) ((long) y * gh / height));
            for (int x = 0; x < width; x++) {
                if (region[y * width + x]) {
                    int cx = Math.min(gw - 1, (int) ((long) x * gw / width));
                    cells[cy * gw + cx] = true;
                }
            }
        }
        return cells;
    }
}
