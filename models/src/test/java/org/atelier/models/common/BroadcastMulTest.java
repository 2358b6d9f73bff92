package org.atelier.models.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class BroadcastMulTest {
    /** Value and gradients of sum(r ⊙ (x·y)) for the plain and the explicit broadcast. */
    private static Map<String, INDArray> run(boolean explicit, INDArray x, INDArray y, INDArray r) {
        SameDiff sd = SameDiff.create();
        SDVariable xv = sd.var("x", x.dup());
        SDVariable yv = sd.var("y", y.dup());
        SDVariable z = explicit ? BroadcastMul.apply(sd, xv, yv) : xv.mul(yv);
        sd.setLossVariables(z.mul(sd.constant("r", r)).sum());
        Map<String, INDArray> g = new java.util.HashMap<>(sd.calculateGradients(Map.of(), "x", "y"));
        g.put("z", sd.output(Map.of(), z.name()).get(z.name()));
        return g;
    }

    @Test
    void sameValuesAndGradientsAsThePlainBroadcast() {
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.FLOAT, 3, 4, 5, 5);
        INDArray r = Nd4j.randn(DataType.FLOAT, 3, 4, 5, 5);
        for (INDArray y : new INDArray[] {Nd4j.randn(DataType.FLOAT, 1, 4, 1, 1), Nd4j.randn(DataType.FLOAT, 3, 4, 1, 1)}) {
            Map<String, INDArray> plain = run(false, x, y, r);
            Map<String, INDArray> explicit = run(true, x, y, r);
            assertArrayEquals(plain.get("z").shape(), explicit.get("z").shape());
            assertEquals(0.0, plain.get("z").sub(explicit.get("z")).amaxNumber().doubleValue(), 0.0, "bit-identical values");
            assertArrayEquals(y.shape(), explicit.get("y").shape(), "the gradient has y's shape");
            assertEquals(0.0, plain.get("x").sub(explicit.get("x")).amaxNumber().doubleValue(), 1e-6);
            assertEquals(0.0, plain.get("y").sub(explicit.get("y")).amaxNumber().doubleValue(),
                    1e-5 * Math.max(1, plain.get("y").amaxNumber().doubleValue()));
        }
    }
}
