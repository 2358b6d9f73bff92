package org.atelier.models.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The forward and backward calls of one of ND4J's native convolution ops ({@code conv2d} or
 * {@code deconv2d}, and their {@code _bp}) on arrays allocated once, for {@link Conv} and
 * {@link Deconv}: the op objects are built on the first call, when the input array is known, and
 * rebuilt only if the input (or the output gradient array) changes, so a call allocates nothing.
 */
final class ConvOps {
    private final String op;
    private final String kind;
    private final INDArray w;
    private final INDArray b;
    private final INDArray gw;
    private final INDArray gb;
    private final int[] iArgs;
    private final INDArray out;
    private final long[] inShape;
    private INDArray gIn;
    private INDArray input;
    private DynamicCustomOp forwardOp;
    private DynamicCustomOp backwardOp;
    private INDArray lastGradOut;

    /**
     * @param op    the forward op's name; the backward one is {@code op + "_bp"}
     * @param kind  the profile's name for the layer ({@link LayerClock})
     * @param b     bias or null (then gb is null too); gw, gb are overwritten by each backward call (both
     *              null for one used only forward)
     * @param iArgs the ops' integer arguments; @param out the output array (null for one used only backward);
     *              @param inShape the input's shape
     */
    ConvOps(String op, String kind, INDArray w, INDArray b, INDArray gw, INDArray gb, int[] iArgs, INDArray out,
            long[] inShape) {
        this.op = op;
        this.kind = kind;
        this.w = w;
        this.b = b;
        this.gw = gw;
        this.gb = gb;
        this.iArgs = iArgs;
        this.out = out;
        this.inShape = inShape;
    }

    /**
     * The integer arguments of {@code conv2d}/{@code deconv2d} and their {@code _bp} for a square k×k
     * kernel on NHWC arrays: kH kW sH sW pH pW dH dW, same-mode 0, data format 1 = NHWC, weight format
     * 0 (conv2d: (kH, kW, iC, oC); deconv2d: (kH, kW, oC, iC)).
     */
    static int[] nhwcArgs(int k, int stride, int pad) {
        return new int[] {k, k, stride, stride, pad, pad, 1, 1, 0, 1, 0};
    }

    INDArray forward(INDArray x) {
        long clock = LayerClock.start();
        try {
            if (x != input || forwardOp == null) {
                input = x;
                forwardOp = DynamicCustomOp.builder(op)
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

    INDArray backward(INDArray gradOut) {
        return backward(input, gradOut);
    }

    /**
     * The backward call for input x, whether or not {@link #forward} saw it (for a layer whose forward
     * pass computes the same function another way, {@link UpsampleConv}).
     */
    INDArray backward(INDArray x, INDArray gradOut) {
        long clock = LayerClock.start();
        try {
            if (x != input) {
                input = x;
                forwardOp = null;
                backwardOp = null;
            }
            if (backwardOp == null || gradOut != lastGradOut) {
                lastGradOut = gradOut;
                if (gIn == null) {
                    gIn = Nd4j.create(w.dataType(), inShape); // only when a gradient is taken: sampling never needs it
                }
                backwardOp = DynamicCustomOp.builder(op + "_bp")
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

    INDArray output() {
        return out;
    }

    /** The input of the last forward call. */
    INDArray input() {
        return input;
    }
}
