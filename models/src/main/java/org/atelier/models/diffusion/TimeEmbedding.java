package org.atelier.models.diffusion;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The sinusoidal timestep embedding of Ho et al. 2020 (after Vaswani et al. 2017, section 3.5):
 * for width d = 2h, e(t) = [sin(t·f₀) … sin(t·f_{h−1}), cos(t·f₀) … cos(t·f_{h−1})] with
 * f_k = exp(−ln(10000)·k/(h − 1)). It has no parameters, so it is computed here and fed to
 * the graph, where an MLP turns it into the time features.
 */
public final class TimeEmbedding {
    private TimeEmbedding() {
    }

    /** (N, width) float32 embeddings of the timesteps {@code t}. */
    public static INDArray sinusoidal(int[] t, int width) {
        int half = width / 2;
        double scale = half > 1 ? Math.log(10000.0) / (half - 1) : 0;
        float[] out = new float[t.length * width];
        for (int i = 0; i < t.length; i++) {
            for (int k = 0; k < half; k++) {
                double a = t[i] * Math.exp(-scale * k);
                out[i * width + k] = (float) Math.sin(a);
                out[i * width + half + k] = (float) Math.cos(a);
            }
        }
        return Nd4j.create(out, new long[] {t.length, width}, 'c');
    }

    /** The same timestep for every one of {@code n} samples. */
    public static INDArray sinusoidal(int t, int n, int width) {
        int[] ts = new int[n];
        java.util.Arrays.fill(ts, t);
        return sinusoidal(ts, width);
    }
}
