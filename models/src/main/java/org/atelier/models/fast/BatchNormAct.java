package org.atelier.models.fast;

import org.atelier.models.common.BatchNorm;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Training-mode batch normalisation (Ioffe and Szegedy 2015) fused with a ReLU or leaky ReLU, on
 * channels-last arrays — (rows, C) with the channel last, any rank — as {@code common.BatchNorm}
 * composes it in SameDiff: the batch's mean and biased variance per channel, ε = 1e-5, γ and β per
 * channel. Forward is two passes (the sums, then y = act(γ·x̂ + β)); backward is two (the sums of
 * the pre-activation gradient and of its product with x̂, then the input's gradient in closed form).
 * Hand-written because SameDiff M2.1 cannot differentiate its {@code batchNorm} op (ND4J-NOTES), so
 * {@code common.BatchNorm} composes it from about a dozen ops, each a pass over memory into a fresh
 * array; fused with the activation it is two passes each way.
 *
 * <p>The loops work on blocks of rows copied into Java arrays ({@link Blocks}). The sums run in float64
 * over a fixed split of the rows ({@link #CHUNKS} parts, added in order), so the result does not
 * depend on the number of threads.
 */
public final class BatchNormAct {
    private static final int CHUNKS = 8;

    private final INDArray gamma;
    private final INDArray beta;
    private final INDArray gGamma;
    private final INDArray gBeta;
    private final double slope;
    private final String label;
    private final int channels;
    private final int blockRows;
    private final double[] mean;
    private final double[] variance;
    private final double[] rstd;
    private INDArray input;
    private INDArray out;

    /**
     * @param gamma, beta the scale and shift (C values, any shape); gGamma, gBeta where their gradients go
     * @param slope       of the activation for negative inputs: 0 for ReLU, 0.2 for DCGAN's leaky ReLU
     */
    public BatchNormAct(INDArray gamma, INDArray beta, INDArray gGamma, INDArray gBeta, double slope) {
        this.gamma = gamma;
        this.beta = beta;
        this.gGamma = gGamma;
        this.gBeta = gBeta;
        this.slope = slope;
        this.label = slope == 0 ? "BatchNorm+ReLU" : "BatchNorm+LeakyReLU";
        this.channels = (int) gamma.length();
        this.blockRows = Math.max(1, Blocks.VALUES / channels);
        this.mean = new double[channels];
        this.variance = new double[channels];
        this.rstd = new double[channels];
    }

    /** y = act(γ·(x − μ)/σ + β) into this layer's output array (made on the first call); x is kept for backward. */
    public INDArray forward(INDArray x) {
        long clock = LayerClock.start();
        try {
            if (x.size(x.rank() - 1) != channels) {
                throw new IllegalArgumentException("expected " + channels + " channels last, got shape "
                        + java.util.Arrays.toString(x.shape()));
            }
            if (out == null || !java.util.Arrays.equals(out.shape(), x.shape())) {
                out = x.ulike();
            }
            input = x;
            // locals, not fields, in the loops: the JIT does not trust final fields and would reload them
            final int channels = this.channels;
            final int blockRows = this.blockRows;
            final double slope = this.slope;
            Flat xs = Flat.of(x);
            int rows = xs.length() / channels;
            double[] sums = chunkSums(rows, (from, to, part) -> {
                double[] xb = Blocks.get(0, blockRows * channels);
                double[] sum = new double[channels];
                double[] sumSq = new double[channels];
                for (int r = from; r < to; r += blockRows) {
                    int len = (Math.min(to, r + blockRows) - r) * channels;
                    xs.get(r * channels, xb, len);
                    for (int i = 0; i < len; i += channels) {
                        for (int c = 0; c < channels; c++) {
                            double v = xb[i + c];
                            sum[c] += v;
                            sumSq[c] += v * v;
                        }
                    }
                }
                System.arraycopy(sum, 0, part, 0, channels);
                System.arraycopy(sumSq, 0, part, channels, channels);
            });
            Flat g = Flat.of(gamma);
            Flat b = Flat.of(beta);
            double[] scale = new double[channels];
            double[] shift = new double[channels];
            for (int c = 0; c < channels; c++) {
                mean[c] = sums[c] / rows;
                // float64 sums, so E[x²] − E[x]² loses nothing that matters at float32 inputs
                variance[c] = Math.max(0, sums[channels + c] / rows - mean[c] * mean[c]);
                rstd[c] = 1 / Math.sqrt(variance[c] + BatchNorm.EPS);
                scale[c] = g.get(c) * rstd[c];
                shift[c] = b.get(c) - mean[c] * scale[c];
            }
            Flat ys = Flat.of(out);
            eachChunk(rows, (from, to) -> {
                double[] xb = Blocks.get(0, blockRows * channels);
                for (int r = from; r < to; r += blockRows) {
                    int len = (Math.min(to, r + blockRows) - r) * channels;
                    xs.get(r * channels, xb, len);
                    for (int i = 0; i < len; i += channels) {
                        for (int c = 0; c < channels; c++) {
                            xb[i + c] = xb[i + c] * scale[c] + shift[c];
                        }
                    }
                    LeakyRelu.apply(xb, len, slope);
                    ys.put(r * channels, xb, len);
                }
            });
            return out;
        } finally {
            LayerClock.stop(label + " forward", clock);
        }
    }

    /** Writes the input's gradient into {@code gIn} (shaped as the input) and γ's and β's into theirs. */
    public void backward(INDArray gradOut, INDArray gIn) {
        long clock = LayerClock.start();
        try {
            final int channels = this.channels;
            final int blockRows = this.blockRows;
            final double slope = this.slope;
            final double[] mean = this.mean;
            final double[] rstd = this.rstd;
            Flat xs = Flat.of(input);
            Flat ys = Flat.of(out);
            Flat gy = Flat.of(gradOut);
            int rows = xs.length() / channels;
            double[] sums = chunkSums(rows, (from, to, part) -> {
                double[] xb = Blocks.get(0, blockRows * channels);
                double[] yb = Blocks.get(1, blockRows * channels);
                double[] gb = Blocks.get(2, blockRows * channels);
                double[] sumDz = new double[channels];
                double[] sumDzXhat = new double[channels];
                for (int r = from; r < to; r += blockRows) {
                    int len = (Math.min(to, r + blockRows) - r) * channels;
                    preActivationGradient(xs, ys, gy, r * channels, len, slope, xb, yb, gb);
                    for (int i = 0; i < len; i += channels) {
                        for (int c = 0; c < channels; c++) {
                            double dz = gb[i + c];
                            sumDz[c] += dz;
                            sumDzXhat[c] += dz * (xb[i + c] - mean[c]) * rstd[c];
                        }
                    }
                }
                System.arraycopy(sumDz, 0, part, 0, channels);
                System.arraycopy(sumDzXhat, 0, part, channels, channels);
            });
            Flat g = Flat.of(gamma);
            Flat gg = Flat.of(gGamma);
            Flat gbeta = Flat.of(gBeta);
            double[] meanDz = new double[channels];
            double[] meanDzXhat = new double[channels];
            double[] scale = new double[channels];
            for (int c = 0; c < channels; c++) {
                gbeta.set(c, sums[c]);
                gg.set(c, sums[channels + c]);
                meanDz[c] = sums[c] / rows;
                meanDzXhat[c] = sums[channels + c] / rows;
                scale[c] = g.get(c) * rstd[c];
            }
            Flat gx = Flat.of(gIn);
            // dx = γ/σ · (dz − mean(dz) − x̂·mean(dz·x̂)), the batch statistics' own gradients included
            eachChunk(rows, (from, to) -> {
                double[] xb = Blocks.get(0, blockRows * channels);
                double[] yb = Blocks.get(1, blockRows * channels);
                double[] gb = Blocks.get(2, blockRows * channels);
                for (int r = from; r < to; r += blockRows) {
                    int len = (Math.min(to, r + blockRows) - r) * channels;
                    preActivationGradient(xs, ys, gy, r * channels, len, slope, xb, yb, gb);
                    for (int i = 0; i < len; i += channels) {
                        for (int c = 0; c < channels; c++) {
                            double dz = gb[i + c];
                            double xhat = (xb[i + c] - mean[c]) * rstd[c];
                            xb[i + c] = scale[c] * (dz - meanDz[c] - xhat * meanDzXhat[c]);
                        }
                    }
                    gx.put(r * channels, xb, len);
                }
            });
        } finally {
            LayerClock.stop(label + " backward", clock);
        }
    }

    /**
     * Reads len values from {@code from} of the input, the output and the output's gradient into xb, yb
     * and gb, and turns gb into the gradient before the activation (read from the output's sign).
     */
    private static void preActivationGradient(Flat xs, Flat ys, Flat gy, int from, int len, double slope,
                                              double[] xb, double[] yb, double[] gb) {
        xs.get(from, xb, len);
        ys.get(from, yb, len);
        gy.get(from, gb, len);
        LeakyRelu.gradient(yb, gb, len, slope);
    }

    /** The last forward pass's batch mean per channel (what the running statistics fold in). */
    public double[] batchMean() {
        return mean.clone();
    }

    /** The last forward pass's biased batch variance per channel. */
    public double[] batchVariance() {
        return variance.clone();
    }

    public INDArray output() {
        return out;
    }

    private interface ChunkSum {
        void add(int from, int to, double[] part);
    }

    private interface Chunk {
        void run(int from, int to);
    }

    /** Sums of 2·C values over the rows: each chunk into its own array, then added in chunk order. */
    private double[] chunkSums(int rows, ChunkSum body) {
        double[][] parts = new double[CHUNKS][2 * channels];
        Parallel.range(CHUNKS, k -> body.add(bound(rows, k), bound(rows, k + 1), parts[k]));
        for (int k = 1; k < CHUNKS; k++) {
            for (int i = 0; i < 2 * channels; i++) {
                parts[0][i] += parts[k][i];
            }
        }
        return parts[0];
    }

    private static void eachChunk(int rows, Chunk body) {
        Parallel.range(CHUNKS, k -> body.run(bound(rows, k), bound(rows, k + 1)));
    }

    private static int bound(int rows, int k) {
        return (int) ((long) rows * k / CHUNKS);
    }
}
