package org.atelier.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The UNet starts as PyTorch's Linear and Conv2d do (issue 15): every weight and bias U(−1/√fan_in, 1/√fan_in),
 * the weights of the zero convs at 0, GroupNorm at (1, 0), the class table N(0, 1).
 */
class UNetInitTest {
    private static final Set<String> ZERO_WEIGHTS = Set.of("mid_attn_out_w", "out_conv_w");

    @Test
    void weightsAndBiasesAreUniformOverPyTorchsBound() {
        ConditionSpace space = new ConditionSpace(List.of(new ConditionSlot("class", List.of("a", "b", "c"))));
        DiffusionModel model = new DiffusionModel(DiffusionConfig.of(UNetArch.TINY8, ConditioningKind.CLASS, List.of()),
                1, space, 7);
        model.forward(Nd4j.zeros(1, 1, 8, 8), new int[] {5}, List.of(space.nullCondition())); // builds the weights
        Map<String, INDArray> p = model.parameters().parameters();
        double sumSq = 0;
        long count = 0;
        int zeroConvs = 0;
        for (Map.Entry<String, INDArray> e : p.entrySet()) {
            String name = e.getKey();
            INDArray v = e.getValue();
            if (name.endsWith("_gamma") || name.endsWith("_beta")) {
                assertEquals(name.endsWith("_gamma") ? 1.0 : 0.0, v.meanNumber().doubleValue(), 0.0, name);
                assertEquals(0.0, v.stdNumber().doubleValue(), 0.0, name);
                continue;
            }
            if (name.equals("cond_embed")) {
                continue;
            }
            INDArray w = p.get(name.substring(0, name.length() - 2) + "_w");
            long fanIn = w.length() / w.size(w.rank() - 1); // (k, k, in, out) or (in, out)
            double bound = 1 / Math.sqrt(fanIn);
            if (name.endsWith("_w") && (ZERO_WEIGHTS.contains(name) || name.endsWith("_conv2_w"))) {
                assertEquals(0.0, v.amaxNumber().doubleValue(), 0.0, name + " starts at zero");
                zeroConvs++;
                continue;
            }
            assertTrue(v.amaxNumber().doubleValue() <= bound, name + " within ±1/√" + fanIn);
            sumSq += v.div(bound).norm2Number().doubleValue() * v.div(bound).norm2Number().doubleValue();
            count += v.length();
        }
        assertEquals(8, zeroConvs, "six residual blocks' second convs, the attention output, the output conv");
        // U(−1, 1) has variance 1/3; N(0, 1/fan_in), the init before issue 15, would give 1
        double variance = sumSq / count;
        assertEquals(1.0 / 3, variance, 0.03, "variance of weights and biases over their bound, " + count + " values");
    }
}
