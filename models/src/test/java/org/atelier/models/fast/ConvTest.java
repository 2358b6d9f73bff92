package org.atelier.models.fast;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.atelier.models.Relative;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link Conv} against SameDiff's autodiff of the same convolution (NHWC, float64): the output and
 * the gradients of the input, the weights and the bias. The 1×1 cases take the matrix-product
 * backward ({@link PointwiseBackward}); with an input that is a channel slice of a wider array
 * (not dense) they take {@code conv2d_bp} instead, and must agree all the same.
 */
class ConvTest {
    @ParameterizedTest
    @CsvSource({"1, 4, 6, true, false", "1, 5, 3, false, false", "1, 4, 6, true, true", "3, 4, 6, true, false"})
    void matchesSameDiff(int k, int in, int out, boolean bias, boolean sliceInput) {
        int n = 3;
        int side = 5;
        Nd4j.getRandom().setSeed(k * 1000L + in * 10L + out);
        INDArray wide = Nd4j.randn(DataType.DOUBLE, n, side, side, in + 2);
        INDArray x = sliceInput
                ? wide.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(1, 1 + in))
                : wide.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(1, 1 + in)).dup();
        INDArray w = Nd4j.randn(DataType.DOUBLE, k, k, in, out);
        INDArray b = bias ? Nd4j.randn(DataType.DOUBLE, out) : null;
        INDArray g = Nd4j.randn(DataType.DOUBLE, n, side, side, out);

        SameDiff sd = SameDiff.create();
        SDVariable xv = sd.var("x", x.dup());
        SDVariable wv = sd.var("w", w.dup());
        Conv2DConfig cfg = Conv2DConfig.builder().kH(k).kW(k).sH(1).sW(1).pH(k / 2).pW(k / 2).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID).dataFormat("NHWC").build();
        SDVariable y = bias ? sd.cnn().conv2d(xv, wv, sd.var("b", b.dup()), cfg) : sd.cnn().conv2d(xv, wv, cfg);
        sd.setLossVariables(y.mul(sd.constant(g)).sum());
        INDArray want = y.eval();
        Map<String, INDArray> grads = sd.calculateGradients(Map.of(), bias ? List.of("x", "w", "b") : List.of("x", "w"));

        INDArray gw = w.ulike();
        INDArray gb = bias ? b.ulike() : null;
        Conv conv = new Conv(w, b, gw, gb, 1, k / 2, n, side);
        assertClose("output", conv.forward(x), want);
        assertClose("input gradient", conv.backward(g), grads.get("x"));
        assertClose("weight gradient", gw, grads.get("w"));
        if (bias) {
            assertClose("bias gradient", gb, grads.get("b"));
        }
    }

    private static void assertClose(String what, INDArray got, INDArray want) {
        double d = Relative.difference(got, want);
        assertTrue(d < 1e-12, what + ": relative difference " + d);
    }
}
