package org.atelier.models.fast;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Nearest ×2 upsampling followed by a 3×3 convolution with padding 1 — the UNet's up path — computed
 * on the low-resolution input without the upsampled array: each output pixel of a given parity sees
 * a 2×2 window of the input, whose weights are sums of the 3×3 kernel's taps (16/36 of the
 * multiply-adds).
 *
 * <p>Per axis, output row 2i takes input row i − 1 through the kernel's first tap and row i through
 * the sum of the other two; row 2i + 1 takes row i through the first two taps' sum and row i + 1
 * through the last. Together that is one transposed convolution (4×4, stride 2, padding 1; output
 * o = 2i + k − 1) whose tap k is Σ_a FOLD[k][a] · tap a of the 3×3 kernel ({@link #FOLD}).
 *
 * <p>Forward: the four output parities (a, b) as one 2×2 convolution with padding 1 and 4·out
 * channels — parity (a, b)'s kernel is the transposed convolution's taps (3 − a − 2u, 3 − b − 2v)
 * for u, v ∈ {0, 1} — whose (side + 1)² output holds parity (a, b)'s pixel (i, j) at (i + a, j + b),
 * copied into place. Why not the transposed convolution itself: oneDNN 2.3 runs it forward with a
 * kernel (jit:avx512_common on channel-blocked memory, with reorders around it) at a third of the
 * rate of its NHWC forward convolution; in a scratch program (batch 64, 64 → 64 channels, medians
 * of 25) 22.9 ms at 14 → 28 pixels against 10.8 ms for the 2×2 convolution and 3.3 ms for the copy,
 * 6.5 ms at 7 → 14 against 3.6 + 0.8 ms. Backward: ND4J's {@code deconv2d_bp} on the same input with
 * the 4×4 weights, whose gradient folds back through the same matrix. The weights are rebuilt from
 * the 3×3 parameters on every call (they change every step; 16·in·out sums).
 */
public final class UpsampleConv {
    /** FOLD[k][a]: whether the 3×3 kernel's tap a (per axis) enters the 4×4 kernel's tap k. */
    private static final int[][] FOLD = {{0, 0, 1}, {0, 1, 1}, {1, 1, 0}, {1, 0, 0}};
    /** The profile's name for this layer: its convolutions, the copy into place and the weights' unfolding and folding. */
    private static final String KIND = "upsampling+convolution";

    private final INDArray w3;
    private final INDArray gw3;
    private final INDArray b;
    /** The parities' 2×2 kernels (2, 2, in, 4·out) and their bias, the 3×3 bias four times. */
    private final INDArray wPhases;
    private final INDArray bPhases;
    /** The transposed convolution's 4×4 weights (4, 4, out, in) and their gradient, for the backward call. */
    private final INDArray w4;
    private final INDArray gw4;
    private final ConvOps phases;
    private final ConvOps transposed;
    private final INDArray y;
    private final int in;
    private final int outChannels;
    private final int n;
    private final int side;
    private INDArray input;
    /**
     * Java copies of the weights (read by the forward call, reused by the backward one: the
     * parameters do not change between them), their unfoldings and gradients, allocated once (no
     * garbage per step).
     */
    private final double[] w3Values;
    private final double[] phaseValues;
    private final double[] w4Values;
    private final double[] gw4Values;
    private final double[] gw3Values;
    private final double[] biasValues;

    /**
     * @param w  the 3×3 convolution's weights (3, 3, in, out); @param b its bias (out)
     * @param gw, gb where their gradients go; @param n batch size; @param side the input's side (the output's is twice it)
     */
    public UpsampleConv(INDArray w, INDArray b, INDArray gw, INDArray gb, long n, int side) {
        if (w.size(0) != 3 || w.size(1) != 3) {
            throw new IllegalArgumentException("need a 3×3 kernel, got " + java.util.Arrays.toString(w.shape()));
        }
        DataType dt = w.dataType();
        this.w3 = w;
        this.gw3 = gw;
        this.b = b;
        this.in = (int) w.size(2);
        this.outChannels = (int) w.size(3);
        this.n = (int) n;
        this.side = side;
        long[] inShape = {n, side, side, in};
        this.wPhases = Nd4j.create(dt, 2, 2, in, 4L * outChannels);
        this.bPhases = Nd4j.create(dt, 4L * outChannels);
        this.y = Nd4j.create(dt, n, side + 1, side + 1, 4L * outChannels);
        // the first is used only forward, the second only backward
        this.phases = new ConvOps("conv2d", KIND, wPhases, bPhases, null, null, ConvOps.nhwcArgs(2, 1, 1), y, inShape);
        this.w4 = Nd4j.create(dt, 4, 4, outChannels, in);
        this.gw4 = w4.ulike();
        this.transposed = new ConvOps("deconv2d", KIND, w4, b, gw4, gb, ConvOps.nhwcArgs(4, 2, 1), null, inShape);
        int io = in * outChannels;
        this.w3Values = new double[9 * io];
        this.phaseValues = new double[16 * io];
        this.w4Values = new double[16 * io];
        this.gw4Values = new double[16 * io];
        this.gw3Values = new double[9 * io];
        this.biasValues = new double[outChannels];
    }

    /**
     * The upsampled-and-convolved x (N, side, side, in), written into channels [channel, channel + out)
     * of dst (N, 2·side, 2·side, ≥ out), dense and c-ordered: in the UNet, the next level's
     * concatenation buffer, so the output is not copied again there.
     */
    public void forwardInto(INDArray x, INDArray dst, int channel) {
        input = x;
        long clock = LayerClock.start();
        unfoldPhases();
        LayerClock.stop(KIND + " forward", clock);
        phases.forward(x);
        clock = LayerClock.start();
        placeParities(dst, channel);
        LayerClock.stop(KIND + " forward", clock);
    }

    /** Writes the 3×3 weights' and the bias's gradients and returns x's. */
    public INDArray backward(INDArray gradOut) {
        long clock = LayerClock.start();
        unfoldTransposed();
        LayerClock.stop(KIND + " backward", clock);
        INDArray gx = transposed.backward(input, gradOut);
        clock = LayerClock.start();
        fold();
        LayerClock.stop(KIND + " backward", clock);
        return gx;
    }

    /** Σ_{a,b} FOLD[ky][a]·FOLD[kx][b]·w3[a][b][i][o]: tap (ky, kx) of the 4×4 kernel, from input channel i to output o. */
    private double tap(double[] w, int ky, int kx, int i, int o) {
        double s = 0;
        for (int a = 0; a < 3; a++) {
            for (int c = 0; c < 3; c++) {
                if (FOLD[ky][a] * FOLD[kx][c] != 0) {
                    s += w[((a * 3 + c) * in + i) * outChannels + o];
                }
            }
        }
        return s;
    }

    /** Reads the 3×3 weights into w3Values (one bulk copy: element by element through the buffer cost 3–6 ns a read). */
    private void readWeights3() {
        Flat.of(w3).get(0, w3Values, w3Values.length);
    }

    /** wPhases[u][v][i][(2a + b)·out + o] = tap (3 − a − 2u, 3 − b − 2v); bPhases = the bias four times. */
    private void unfoldPhases() {
        readWeights3();
        double[] w = w3Values;
        int wide = 4 * outChannels;
        double[] phases = phaseValues;
        for (int u = 0; u < 2; u++) {
            for (int v = 0; v < 2; v++) {
                for (int i = 0; i < in; i++) {
                    int row = ((u * 2 + v) * in + i) * wide;
                    for (int a = 0; a < 2; a++) {
                        for (int c = 0; c < 2; c++) {
                            int col = (2 * a + c) * outChannels;
                            for (int o = 0; o < outChannels; o++) {
                                phases[row + col + o] = tap(w, 3 - a - 2 * u, 3 - c - 2 * v, i, o);
                            }
                        }
                    }
                }
            }
        }
        Flat.of(wPhases).put(0, phases, phases.length);
        double[] bias = biasValues;
        Flat.of(b).get(0, bias, outChannels);
        Flat tiled = Flat.of(bPhases);
        for (int p = 0; p < 4; p++) {
            tiled.put(p * outChannels, bias, outChannels);
        }
    }

    /** dst[s][2i + a][2j + b][channel ..] = y[s][i + a][j + b][(2a + b)·out ..]: runs of out channels, buffer to buffer. */
    private void placeParities(INDArray dst, int channel) {
        int wide = 4 * outChannels;
        int ySide = side + 1;
        int outSide = 2 * side;
        int dstWidth = (int) dst.size(3);
        if (dst.size(0) != n || dst.size(1) != outSide || dst.size(2) != outSide || channel + outChannels > dstWidth) {
            throw new IllegalArgumentException("cannot place a (" + n + ", " + outSide + ", " + outSide + ", " + outChannels
                    + ") output at channel " + channel + " of " + java.util.Arrays.toString(dst.shape()));
        }
        ChannelRuns.RunCopy copy = ChannelRuns.between(dst, y);
        Parallel.range(n, s -> {
            for (int i = 0; i < side; i++) {
                for (int a = 0; a < 2; a++) {
                    for (int j = 0; j < side; j++) {
                        for (int c = 0; c < 2; c++) {
                            int from = ((s * ySide + i + a) * ySide + j + c) * wide + (2 * a + c) * outChannels;
                            int to = ((s * outSide + 2 * i + a) * outSide + 2 * j + c) * dstWidth + channel;
                            copy.run(to, from, outChannels);
                        }
                    }
                }
            }
        });
    }

    /** w4[ky][kx][o][i] = tap (ky, kx) from i to o. */
    private void unfoldTransposed() {
        double[] w = w3Values; // as the forward call read them
        double[] w4v = w4Values;
        for (int ky = 0; ky < 4; ky++) {
            for (int kx = 0; kx < 4; kx++) {
                int base = (ky * 4 + kx) * in * outChannels;
                for (int o = 0; o < outChannels; o++) {
                    for (int i = 0; i < in; i++) {
                        w4v[base + o * in + i] = tap(w, ky, kx, i, o);
                    }
                }
            }
        }
        Flat.of(w4).put(0, w4v, w4v.length);
    }

    /** gw3[a][b][i][o] = Σ_{ky,kx} FOLD[ky][a]·FOLD[kx][b]·gw4[ky][kx][o][i]. */
    private void fold() {
        int io = in * outChannels;
        double[] g4 = gw4Values;
        Flat.of(gw4).get(0, g4, g4.length);
        double[] g3 = gw3Values;
        for (int a = 0; a < 3; a++) {
            for (int c = 0; c < 3; c++) {
                int base = (a * 3 + c) * io;
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < outChannels; o++) {
                        double s = 0;
                        for (int ky = 0; ky < 4; ky++) {
                            for (int kx = 0; kx < 4; kx++) {
                                if (FOLD[ky][a] * FOLD[kx][c] != 0) {
                                    s += g4[(ky * 4 + kx) * io + o * in + i];
                                }
                            }
                        }
                        g3[base + i * outChannels + o] = s;
                    }
                }
            }
        }
        Flat.of(gw3).put(0, g3, g3.length);
    }
}
