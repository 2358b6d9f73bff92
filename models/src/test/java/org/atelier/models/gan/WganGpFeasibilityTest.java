package org.atelier.models.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atelier.models.common.Init;
import org.atelier.models.common.Net;
import org.atelier.models.common.ParameterStore;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Why the WGAN family ships as wgan-fdgp: WGAN-GP's penalty λ(‖∇ₓD(x̂)‖ − 1)² must be
 * differentiated with respect to D's weights, i.e. SameDiff would have to differentiate its
 * own backprop ops. In M2.1 it cannot: every backprop op of the critic refuses, and the
 * gradient graph cannot be differentiated. The finite-difference penalty that replaces it
 * measures the same gradient norm.
 */
class WganGpFeasibilityTest {
    private static Net critic() {
        Net net = new Net(new ParameterStore(), new Init(1), true);
        SDVariable x = net.placeholder("x", -1, 1, 28, 28);
        SDVariable out = GanNets.discriminator(net, GanArch.TINY28, 1, x, false, null, 0).sum();
        net.sd().setLossVariables(out);
        return net;
    }

    @Test
    void sameDiffCannotDifferentiateItsOwnGradient() {
        Net net = critic();
        SameDiff sd = net.sd();
        sd.createGradFunction("x");
        SameDiff grad = sd.getFunction("grad");
        Set<String> refused = new HashSet<>();
        for (DifferentialFunction op : grad.ops()) {
            if (op.opName().endsWith("_bp")) {
                List<SDVariable> outs = Arrays.asList(op.outputVariables());
                assertThrows(UnsupportedOperationException.class, () -> op.diff(outs), op.opName());
                refused.add(op.opName());
            }
        }
        // the critic's convolution, activation and linear layers all have backprop ops without gradients
        assertTrue(refused.containsAll(Set.of("conv2d_bp", "lrelu_bp", "matmul_bp")), refused.toString());

        // and the canonical route — a penalty on ∇ₓD inside the gradient graph, differentiated
        // with respect to a weight — fails as well
        SDVariable gx = sd.grad("x");
        SDVariable penalty = grad.math().square(gx.norm2(1, 2, 3).sub(1.0)).mean();
        grad.setLossVariables(penalty);
        Map<String, INDArray> ph = Map.of("x", Nd4j.rand(DataType.FLOAT, 2, 1, 28, 28));
        assertThrows(RuntimeException.class, () -> grad.calculateGradients(ph, List.of("d_conv0_w")));
    }

    @Test
    void finiteDifferenceQuotientMatchesTheGradientNorm() {
        Net net = critic();
        INDArray xh = Nd4j.rand(DataType.FLOAT, 4, 1, 28, 28).muli(2).subi(1);
        INDArray g = net.sd().calculateGradients(Map.of("x", xh), "x").get("x");
        INDArray norms = g.reshape(4, -1).norm2(1);
        INDArray u = g.reshape(4, -1).divColumnVector(norms.reshape(4, 1)).reshape(g.shape());
        double h = 0.01;
        String out = net.sd().getLossVariables().get(0);
        // per-sample critic values: the loss sums over the batch, so evaluate one sample at a time
        for (int i = 0; i < 4; i++) {
            INDArray xi = xh.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)).reshape(1, 1, 28, 28);
            INDArray ui = u.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)).reshape(1, 1, 28, 28);
            Map<String, INDArray> plus = new LinkedHashMap<>(Map.of("x", xi.add(ui.mul(h))));
            Map<String, INDArray> minus = new LinkedHashMap<>(Map.of("x", xi.sub(ui.mul(h))));
            double q = (net.sd().output(plus, out).get(out).getDouble(0)
                    - net.sd().output(minus, out).get(out).getDouble(0)) / (2 * h);
            assertEquals(norms.getDouble(i), q, 0.02 * norms.getDouble(i));
        }
    }
}
