package org.atelier.models.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The backward pass of a 1×1, stride-1 convolution on channels-last arrays as the matrix products
 * it is: with the input x viewed as (pixels, in) and the output's gradient g as (pixels, out),
 * x's gradient is g·Wᵀ, W's is xᵀ·g and the bias's is 1ᵀ·g, three of ND4J's native {@code matmul}
 * calls into arrays allocated once. Why not {@code conv2d_bp}: its oneDNN backward kernels want
 * channel-blocked memory, so every call reorders x and g in (each twice) and x's gradient out,
 * which cost more than the products themselves. In a scratch program alternating the two at the
 * UNet's 1×1 shapes (batch 64, float32, medians of 25) the backward went from 25.8 to 6.3 ms at
 * 28², 96 → 32 channels, from 6.3 to 3.2 ms at 14², 128 → 64, and from 0.67 to 0.45 ms at 7², 64 →
 * 64 (issue 20, docs/performance.md). The forward stays {@code conv2d}: oneDNN runs it on NHWC
 * memory without a reorder.
 */
final class PointwiseBackward {
    private final INDArray w2;
    private final INDArray gw2;
    private final INDArray gbRow;
    private final INDArray gIn;
    private final INDArray gIn2;
    private final long pixels;
    private INDArray ones;
    private INDArray input;
    private INDArray gradOut;
    private MatMul gradX;
    private MatMul gradW;
    private MatMul gradB;

    /** Whether x (n, h, w, c) can be read as a (pixels, c) matrix in place. */
    static boolean fits(INDArray x) {
        return x.ordering() == 'c' && Shape.hasDefaultStridesForShape(x);
    }

    /**
     * @param w weights (1, 1, in, out); @param gw, gb where the weights' and bias's gradients go (gb null
     *          without bias); @param inShape the input's shape (n, h, w, in)
     */
    PointwiseBackward(INDArray w, INDArray gw, INDArray gb, long[] inShape) {
        long in = w.size(2);
        long out = w.size(3);
        this.pixels = inShape[0] * inShape[1] * inShape[2];
        this.w2 = w.reshape(in, out);
        this.gw2 = gw.reshape(in, out);
        this.gbRow = gb == null ? null : gb.reshape(1, out);
        this.gIn = Nd4j.create(w.dataType(), inShape);
        this.gIn2 = gIn.reshape(pixels, in);
    }

    /** Writes the parameters' gradients for input x and output gradient g and returns x's gradient. */
    INDArray backward(INDArray x, INDArray g) {
        if (x != input || g != gradOut) {
            input = x;
            gradOut = g;
            INDArray x2 = x.reshape(pixels, x.size(3));
            INDArray g2 = g.reshape(pixels, g.size(3));
            gradX = new MatMul(g2, w2, gIn2, false, true);
            gradW = new MatMul(x2, g2, gw2, true, false);
            if (gbRow != null) {
                if (ones == null) {
                    ones = Nd4j.ones(w2.dataType(), 1, pixels);
                }
                gradB = new MatMul(ones, g2, gbRow, false, false);
            }
        }
        gradX.run();
        gradW.run();
        if (gradB != null) {
            gradB.run();
        }
        return gIn;
    }
}
