package org.atelier.models.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Nearest ×2 upsampling followed by a 3×3 convolution with padding 1 — the UNet's up path — computed
 * as the one transposed convolution (4×4, stride 2, padding 1) it equals, on the low-resolution input.
 * The same function with 16/36 of the multiply-adds and no upsampled array: each output pixel of a
 * given parity sees a 2×2 window of the input, whose weights are sums of the 3×3 kernel's taps.
 *
 * <p>Per axis, output row 2i takes input row i − 1 through the kernel's first tap and row i through
 * the sum of the other two; row 2i + 1 takes row i through the first two taps' sum and row i + 1
 * through the last. In the transposed convolution's terms (output o = 2i + k − 1) that is the 4 × 3
 * matrix {@link #FOLD}: tap k of the 4×4 kernel = Σ_a FOLD[k][a] · tap a of the 3×3 one. The 4×4
 * weights are rebuilt from the 3×3 parameters on every forward call (they change every step; 16·in·out
 * sums), and the 4×4 gradient is folded back through the same matrix.
 */
public final class UpsampleConv {
    /** FOLD[k][a]: whether the 3×3 kernel's tap a (per axis) enters the 4×4 kernel's tap k. */
    private static final int[][] FOLD = {{0, 0, 1}, {0, 1, 1}, {1, 1, 0}, {1, 0, 0}};
    /** The profile's name for this layer: the transposed convolution and the weights' unfolding and folding. */
    private static final String KIND = "upsampling+convolution";

    private final INDArray w3;
    private final INDArray gw3;
    private final INDArray w4;
    private final INDArray gw4;
    private final Deconv deconv;
    private final int in;
    private final int out;

    /**
     * @param w  the 3×3 convolution's weights (3, 3, in, out); @param b its bias (out)
     * @param gw, gb where their gradients go; @param n batch size; @param side the input's side (the output's is twice it)
     */
    public UpsampleConv(INDArray w, INDArray b, INDArray gw, INDArray gb, long n, int side) {
        if (w.size(0) != 3 || w.size(1) != 3) {
            throw new IllegalArgumentException("need a 3×3 kernel, got " + java.util.Arrays.toString(w.shape()));
        }
        this.w3 = w;
        this.gw3 = gw;
        this.in = (int) w.size(2);
        this.out = (int) w.size(3);
        this.w4 = Nd4j.create(w.dataType(), 4, 4, out, in);
        this.gw4 = w4.ulike();
        this.deconv = new Deconv(w4, b, gw4, gb, 2, 1, n, side, KIND);
    }

    /** The upsampled-and-convolved x (N, side, side, in) → (N, 2·side, 2·side, out), an array of this layer's. */
    public INDArray forward(INDArray x) {
        long clock = LayerClock.start();
        unfold();
        LayerClock.stop(KIND + " forward", clock);
        return deconv.forward(x);
    }

    /** Writes the 3×3 weights' and the bias's gradients and returns x's. */
    public INDArray backward(INDArray gradOut) {
        INDArray gx = deconv.backward(gradOut);
        long clock = LayerClock.start();
        fold();
        LayerClock.stop(KIND + " backward", clock);
        return gx;
    }

    /** w4[ky][kx][o][i] = Σ_{a,b} FOLD[ky][a]·FOLD[kx][b]·w3[a][b][i][o]. */
    private void unfold() {
        Flat src = Flat.of(w3);
        Flat dst = Flat.of(w4);
        int io = in * out;
        for (int ky = 0; ky < 4; ky++) {
            for (int kx = 0; kx < 4; kx++) {
                int base = (ky * 4 + kx) * io;
                for (int o = 0; o < out; o++) {
                    for (int i = 0; i < in; i++) {
                        double s = 0;
                        for (int a = 0; a < 3; a++) {
                            for (int b = 0; b < 3; b++) {
                                if (FOLD[ky][a] * FOLD[kx][b] != 0) {
                                    s += src.get((a * 3 + b) * io + i * out + o);
                                }
                            }
                        }
                        dst.set(base + o * in + i, s);
                    }
                }
            }
        }
    }

    /** gw3[a][b][i][o] = Σ_{ky,kx} FOLD[ky][a]·FOLD[kx][b]·gw4[ky][kx][o][i]. */
    private void fold() {
        Flat src = Flat.of(gw4);
        Flat dst = Flat.of(gw3);
        int io = in * out;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                int base = (a * 3 + b) * io;
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        double s = 0;
                        for (int ky = 0; ky < 4; ky++) {
                            for (int kx = 0; kx < 4; kx++) {
                                if (FOLD[ky][a] * FOLD[kx][b] != 0) {
                                    s += src.get((ky * 4 + kx) * io + o * in + i);
                                }
                            }
                        }
                        dst.set(base + i * out + o, s);
                    }
                }
            }
        }
    }
}
