package org.atelier.bench;

import org.atelier.core.random.CounterStream;

/**
 * Benchmark inputs that the Java and the PyTorch side compute bit for bit alike without
 * sharing a file: value i of stream s is splitmix64(s·2³² + i) (Steele, Lea and Flood 2014, the
 * finaliser of {@link java.util.SplittableRandom}) reduced to its top 24 bits, a float64 in
 * [0, 1) that float32 holds exactly. {@code benchmarks/pytorch/bench.py} has the same function
 * ({@code uniform}), so FID and SSIM can be checked to agree between the two sides. Timings do
 * not depend on the values; a seeded generator would do for them alone.
 */
final class DeterministicData {
    /** Streams used by the cases; the PyTorch script uses the same numbers. */
    static final int FID_A = 1;
    static final int FID_B = 2;
    static final int SSIM_A = 3;
    static final int SSIM_B = 4;
    static final int GAN_IMAGES = 10;
    static final int UNET_IMAGES = 11;
    static final int FORWARD_IMAGES = 12;
    static final int GN_INPUT = 13;
    static final int GN_GRADIENT = 14;

    private DeterministicData() {
    }

    /** Value {@code index} of {@code stream}, in [0, 1), a multiple of 2⁻²⁴ ({@link CounterStream#uniform}). */
    static double uniform(int stream, long index) {
        return CounterStream.uniform(stream, index);
    }

    /** FID features: set A is U[0, 1) from stream 1, set B is 1.1·U + 0.05 from stream 2; n rows of d. */
    static float[][] fidFeatures(boolean setB, int n, int d) {
        float[][] rows = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double u = uniform(setB ? FID_B : FID_A, (long) i * d + j);
                rows[i][j] = (float) (setB ? 1.1 * u + 0.05 : u);
            }
        }
        return rows;
    }

    /** SSIM pair member: A is 2U − 1; B is A plus uniform noise of amplitude 0.3, clipped to [−1, 1]. */
    static float[] ssimPixels(boolean second, int pair, int side) {
        int plane = side * side;
        float[] p = new float[plane];
        for (int k = 0; k < plane; k++) {
            long idx = (long) pair * plane + k;
            double a = (float) (2.0 * uniform(SSIM_A, idx) - 1.0);
            p[k] = second ? (float) Math.max(-1.0, Math.min(1.0, a + 0.3 * (2.0 * uniform(SSIM_B, idx) - 1.0)))
                    : (float) a;
        }
        return p;
    }

    /** n single-channel side×side training images in [−1, 1), float32, from one stream. */
    static float[] images(int stream, int n, int side) {
        float[] p = new float[n * side * side];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (2.0 * uniform(stream, i) - 1.0);
        }
        return p;
    }
}
