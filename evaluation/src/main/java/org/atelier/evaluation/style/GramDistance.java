package org.atelier.evaluation.style;

import java.util.List;
import org.atelier.models.features.FeatureMap;

/**
 * The style distance of Gatys et al. (2016) as a score: per layer the Gram matrix
 * G = F·Fᵀ / (H·W) of the C × (H·W) features, the mean over the C × C entries of (G_a − G_b)²,
 * averaged over the layers with equal weights. It is the style loss the optimiser and the fast
 * models minimise ({@code NstLosses}, Johnson et al.'s normalisation, so images of different sizes
 * compare), but computed here in double precision on features already read out of the network.
 *
 * <p>Written by hand rather than with ND4J's matrix product because the score must not depend on
 * the backend's float32 summation order (it is checked to 1e-9 against torch, in
 * {@code evaluation/src/test/python/gram_distance_vectors.py}); a layer is a few million
 * multiply-adds at the sizes compared.
 */
public final class GramDistance {
    private GramDistance() {
    }

    /** G = F·Fᵀ / (H·W), row-major C × C. */
    public static double[] gram(FeatureMap f) {
        int c = f.channels();
        int plane = f.height() * f.width();
        float[] v = f.values();
        double[] g = new double[c * c];
        for (int i = 0; i < c; i++) {
            for (int j = i; j < c; j++) { // symmetric: the lower half is copied
                double s = 0;
                int a = i * plane;
                int b = j * plane;
                for (int p = 0; p < plane; p++) {
                    s += (double) v[a + p] * v[b + p];
                }
                g[i * c + j] = s / plane;
                g[j * c + i] = s / plane;
            }
        }
        return g;
    }

    /** Mean over C × C of (G_a − G_b)² for one layer; the two maps need the same channel count, not the same size. */
    public static double layer(FeatureMap a, FeatureMap b) {
        if (a.channels() != b.channels()) {
            throw new IllegalArgumentException("layer " + a.name() + ": " + a.channels() + " vs " + b.channels()
                    + " channels");
        }
        double[] ga = gram(a);
        double[] gb = gram(b);
        double s = 0;
        for (int i = 0; i < ga.length; i++) {
            double d = ga[i] - gb[i];
            s += d * d;
        }
        return s / ga.length;
    }

    /** The layers' {@link #layer} distances averaged with equal weights; layers pair up by position. */
    public static double distance(List<FeatureMap> a, List<FeatureMap> b) {
        if (a.size() != b.size() || a.isEmpty()) {
            throw new IllegalArgumentException("need the same, non-zero number of layers, got " + a.size() + " and "
                    + b.size());
        }
        double s = 0;
        for (int l = 0; l < a.size(); l++) {
            s += layer(a.get(l), b.get(l));
        }
        return s / a.size();
    }
}
