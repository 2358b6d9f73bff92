package org.atelier.models.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A k×k convolution, stride s, padding p (the UNet's "same" k/2 by default), with or without bias, on
 * channels-last (N, H, W, C) arrays, weights (k, k, in, out) (ND4J's layout, as {@code Layers.conv}
 * builds it), for one batch size.
 * Forward and backward call ND4J's native {@code conv2d} / {@code conv2d_bp} ops (oneDNN where the
 * backend has it) directly, on output arrays allocated once here, so nothing is allocated or
 * zero-filled per call ({@link ConvOps}); a 1×1, stride-1 convolution's backward is the three matrix
 * products it equals instead ({@link PointwiseBackward}).
 *
 * <p>Why channels-last: the oneDNN 2.3 inside ND4J 1.0.0-M2.1 runs its forward convolution
 * ({@code brgconv}) on NHWC memory, so with NCHW arrays every forward call first transposes the
 * input to NHWC and the output back, which took as long as the convolution itself (DNNL_VERBOSE on
 * a (64, 32, 28, 28) 3×3 convolution: 4.6 ms convolving, 2.2–2.9 ms and 0.9 ms reordering). On NHWC
 * arrays the forward call reorders nothing and matched PyTorch's NCHW convolution at UNet-28's
 * shapes (docs/performance.md); the backward call costs about what it did on NCHW.
 */
public final class Conv {
    private final ConvOps ops;
    /** The backward pass as matrix products, for a 1×1, stride-1 convolution; else null. */
    private final PointwiseBackward pointwise;

    /**
     * @param w  weights (k, k, in, out); @param b bias (out)
     * @param gw where the weights' gradient goes (overwritten by each backward); @param gb the bias's
     * @param n  batch size; @param side input side (square)
     */
    public Conv(INDArray w, INDArray b, INDArray gw, INDArray gb, int stride, long n, int side) {
        this(w, b, gw, gb, stride, (int) w.size(0) / 2, n, side);
    }

    /** As above with padding {@code pad}; b and gb null for a convolution without bias. */
    public Conv(INDArray w, INDArray b, INDArray gw, INDArray gb, int stride, int pad, long n, int side) {
        int k = (int) w.size(0);
        int outSide = (side + 2 * pad - k) / stride + 1;
        INDArray out = Nd4j.create(w.dataType(), n, outSide, outSide, w.size(3));
        long[] inShape = {n, side, side, w.size(2)};
        this.ops = new ConvOps("conv2d", "convolution", w, b, gw, gb, ConvOps.nhwcArgs(k, stride, pad), out, inShape);
        this.pointwise = k == 1 && stride == 1 && pad == 0 ? new PointwiseBackward(w, gw, gb, inShape) : null;
    }

    /** y = conv(x) + b into this layer's output array; x is kept (by reference) for the backward pass. */
    public INDArray forward(INDArray x) {
        return ops.forward(x);
    }

    /** Writes the parameters' gradients and returns the input's (an array owned by this layer). */
    public INDArray backward(INDArray gradOut) {
        INDArray x = ops.input();
        if (pointwise != null && PointwiseBackward.fits(x) && PointwiseBackward.fits(gradOut)) {
            long clock = LayerClock.start();
            try {
                return pointwise.backward(x, gradOut);
            } finally {
                LayerClock.stop("convolution backward", clock);
            }
        }
        return ops.backward(gradOut);
    }

    public INDArray output() {
        return ops.output();
    }
}
