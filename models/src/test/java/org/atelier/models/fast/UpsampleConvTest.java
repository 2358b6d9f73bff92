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

/**
 * The folded transposed convolution against what it replaces, composed in SameDiff: nearest ×2
 * upsampling, then a 3×3 convolution with padding 1 (NCHW, as {@code diffusion.UNet} builds it). The
 * output and the gradients of the input, the weights and the bias, in float64, odd and even sides
 * (the border rows are where a wrong fold would show).
 */
class UpsampleConvTest {
    @ParameterizedTest
    @CsvSource({"7, 3, 5", "4, 8, 8", "1, 2, 3"})
    void equalsUpsamplingThenConvolution(int side, int in, int out) {
        int n = 2;
        Nd4j.getRandom().setSeed(side * 100L + in);
        INDArray x = Nd4j.randn(DataType.DOUBLE, n, in, side, side);
        INDArray w = Nd4j.randn(DataType.DOUBLE, 3, 3, in, out);
        INDArray b = Nd4j.randn(DataType.DOUBLE, out);
        INDArray g = Nd4j.randn(DataType.DOUBLE, n, out, 2 * side, 2 * side);

        SameDiff sd = SameDiff.create();
        SDVariable xv = sd.var("x", x.dup());
        SDVariable wv = sd.var("w", w.dup());
        SDVariable bv = sd.var("b", b.dup());
        SDVariable up = sd.cnn().upsampling2d(xv, 2, 2, true); // as UNet builds it
        Conv2DConfig cfg = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(1).pW(1).dH(1).dW(1)
                .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();
        SDVariable y = sd.cnn().conv2d(up, wv, bv, cfg);
        SDVariable loss = y.mul(sd.constant(g)).sum();
        sd.setLossVariables(loss);
        INDArray want = y.eval();
        Map<String, INDArray> grads = sd.calculateGradients(Map.of(), List.of("x", "w", "b"));

        INDArray gw = w.ulike();
        INDArray gb = b.ulike();
        UpsampleConv layer = new UpsampleConv(w, b, gw, gb, n, side);
        INDArray placed = Nd4j.create(DataType.DOUBLE, n, 2 * side, 2 * side, out);
        layer.forwardInto(x.permute(0, 2, 3, 1).dup(), placed, 0);
        INDArray got = placed.permute(0, 3, 1, 2);
        INDArray gx = layer.backward(g.permute(0, 2, 3, 1).dup()).permute(0, 3, 1, 2);

        assertClose("output", got, want);
        assertClose("input gradient", gx, grads.get("x"));
        assertClose("weight gradient", gw, grads.get("w"));
        assertClose("bias gradient", gb, grads.get("b"));
    }

    @org.junit.jupiter.api.Test
    void writesIntoAWiderBufferAtAChannelOffset() {
        int n = 2;
        int side = 5;
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.randn(DataType.DOUBLE, n, side, side, 3);
        INDArray w = Nd4j.randn(DataType.DOUBLE, 3, 3, 3, 4);
        INDArray b = Nd4j.randn(DataType.DOUBLE, 4);
        UpsampleConv layer = new UpsampleConv(w, b, w.ulike(), b.ulike(), n, side);
        INDArray alone = Nd4j.create(DataType.DOUBLE, n, 2 * side, 2 * side, 4);
        layer.forwardInto(x, alone, 0);
        INDArray wide = Nd4j.rand(DataType.DOUBLE, n, 2 * side, 2 * side, 9);
        INDArray before = wide.dup();
        layer.forwardInto(x, wide, 2);
        org.nd4j.linalg.indexing.INDArrayIndex all = org.nd4j.linalg.indexing.NDArrayIndex.all();
        assertClose("the written channels", wide.get(all, all, all, org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 6)), alone);
        org.junit.jupiter.api.Assertions.assertEquals(before.get(all, all, all, org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2)),
                wide.get(all, all, all, org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2)), "channels before the offset untouched");
        org.junit.jupiter.api.Assertions.assertEquals(before.get(all, all, all, org.nd4j.linalg.indexing.NDArrayIndex.interval(6, 9)),
                wide.get(all, all, all, org.nd4j.linalg.indexing.NDArrayIndex.interval(6, 9)), "channels after them untouched");
    }

    private static void assertClose(String what, INDArray got, INDArray want) {
        double d = Relative.difference(got, want);
        assertTrue(d < 1e-12, what + ": relative difference " + d);
    }
}
