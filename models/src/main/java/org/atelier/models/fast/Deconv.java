package org.atelier.models.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A transposed k×k convolution, stride s, padding p (output side s·(in − 1) + k − 2p), with or without
 * bias, on channels-last (N, H, W, C) arrays, weights (k, k, out, in) as {@code Layers.deconv} builds
 * them, for one batch size. Forward and backward are ND4J's native {@code deconv2d} / {@code deconv2d_bp}
 * ops (oneDNN where the backend has it) on output arrays allocated once, built and kept as {@link Conv}
 * keeps its ops.
 */
public final class Deconv {
    private final INDArray w;
    private final INDArray b;
    private final INDArray gw;
    private final INDArray gb;
    private final int[] iArgs;
    private final String kind;
    private final INDArray out;
    private INDArray gIn;
    private INDArray input;
    private DynamicCustomOp forwardOp;
    private DynamicCustomOp backwardOp;
    private INDArray lastGradOut;

    /**
     * @param w  weights (k, k, out, in); @param b bias (out) or null
     * @param gw where the weights' gradient goes (overwritten by each backward); @param gb the bias's or null
     * @param n  batch size; @param side input side (square)
     */
    public Deconv(INDArray w, INDArray b, INDArray gw, INDArray gb, int stride, int pad, long n, int side) {
        this(w, b, gw, gb, stride, pad, n, side, "transposed convolution");
    }

    /** @param kind the profile's name for this layer ({@link LayerClock}) */
    Deconv(INDArray w, INDArray b, INDArray gw, INDArray gb, int stride, int pad, long n, int side, String kind) {
        this.kind = kind;
        this.w = w;
        this.b = b;
        this.gw = gw;
        this.gb = gb;
        int k = (int) w.size(0);
        long outSide = (long) stride * (side - 1) + k - 2L * pad;
        // kH kW sH sW pH pW dH dW, same-mode 0, data format 1 = NHWC, weight format 0 = (kH, kW, oC, iC)
        this.iArgs = new int[] {k, k, stride, stride, pad, pad, 1, 1, 0, 1, 0};
        this.out = Nd4j.create(w.dataType(), n, outSide, outSide, w.size(2));
    }

    /** y = convT(x) + b into this layer's output array; x is kept (by reference) for the backward pass. */
    public INDArray forward(INDArray x) {
        long clock = LayerClock.start();
        try {
            if (x != input) {
                input = x;
                forwardOp = DynamicCustomOp.builder("deconv2d")
                        .addInputs(b == null ? new INDArray[] {x, w} : new INDArray[] {x, w, b})
                        .addOutputs(out).addIntegerArguments(iArgs).build();
                backwardOp = null;
            }
            Nd4j.exec(forwardOp);
            return out;
        } finally {
            LayerClock.stop(kind + " forward", clock);
        }
    }

    /** Writes the parameters' gradients and returns the input's (an array owned by this layer). */
    public INDArray backward(INDArray gradOut) {
        long clock = LayerClock.start();
        try {
            if (backwardOp == null || gradOut != lastGradOut) {
                lastGradOut = gradOut;
                if (gIn == null) {
                    gIn = input.ulike();
                }
                backwardOp = DynamicCustomOp.builder("deconv2d_bp")
                        .addInputs(b == null ? new INDArray[] {input, w, gradOut} : new INDArray[] {input, w, b, gradOut})
                        .addOutputs(b == null ? new INDArray[] {gIn, gw} : new INDArray[] {gIn, gw, gb})
                        .addIntegerArguments(iArgs).build();
            }
            Nd4j.exec(backwardOp);
            return gIn;
        } finally {
            LayerClock.stop(kind + " backward", clock);
        }
    }

    public INDArray output() {
        return out;
    }
}
