package org.atelier.models.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A transposed k×k convolution, stride s, padding p (output side s·(in − 1) + k − 2p), with or without
 * bias, on channels-last (N, H, W, C) arrays, weights (k, k, out, in) as {@code Layers.deconv} builds
 * them, for one batch size. Forward and backward are ND4J's native {@code deconv2d} / {@code deconv2d_bp}
 * ops (oneDNN where the backend has it) on output arrays allocated once ({@link ConvOps}).
 */
public final class Deconv {
    private final ConvOps ops;

    /**
     * @param w  weights (k, k, out, in); @param b bias (out) or null
     * @param gw where the weights' gradient goes (overwritten by each backward); @param gb the bias's or null
     * @param n  batch size; @param side input side (square)
     */
    public Deconv(INDArray w, INDArray b, INDArray gw, INDArray gb, int stride, int pad, long n, int side) {
        int k = (int) w.size(0);
        long outSide = (long) stride * (side - 1) + k - 2L * pad;
        INDArray out = Nd4j.create(w.dataType(), n, outSide, outSide, w.size(2));
        this.ops = new ConvOps("deconv2d", "transposed convolution", w, b, gw, gb, ConvOps.nhwcArgs(k, stride, pad), out,
                new long[] {n, side, side, w.size(3)});
    }

    /** y = convT(x) + b into this layer's output array; x is kept (by reference) for the backward pass. */
    public INDArray forward(INDArray x) {
        return ops.forward(x);
    }

    /** Writes the parameters' gradients and returns the input's (an array owned by this layer). */
    public INDArray backward(INDArray gradOut) {
        return ops.backward(gradOut);
    }

    public INDArray output() {
        return ops.output();
    }
}
