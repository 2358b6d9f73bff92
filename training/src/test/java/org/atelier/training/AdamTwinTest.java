package org.atelier.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.training.config.OptimizerConfig;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * GroupOptimizer (ND4J's Adam behind the global-norm clip) against torch.optim.Adam behind
 * clip_grad_norm_ on one sequence of gradients and warm-up learning rates, from the values
 * {@code make_adam_reference.py} (beside the reference file) computed (issue 15: the optimiser of the
 * PyTorch yardstick).
 */
class AdamTwinTest {
    @Test
    void stepsLikeTorchAdamBehindClipGradNorm() throws Exception {
        JsonNode ref;
        try (InputStream in = AdamTwinTest.class.getResourceAsStream("adam_reference.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        Map<String, INDArray> params = new LinkedHashMap<>();
        params.put("a", Nd4j.createFromArray(floats(ref.get("params").get("a"))));
        params.put("b", Nd4j.createFromArray(floats(ref.get("params").get("b"))));
        GroupOptimizer adam = new GroupOptimizer(OptimizerConfig.adam(ref.get("lr").get(0).asDouble(), 0.9, 0.999),
                List.of("a", "b"), 17);
        double worstTypical = 0;
        double worstTiny = 0;
        for (int s = 0; s < ref.get("lr").size(); s++) {
            JsonNode g = ref.get("grads").get(s);
            adam.apply(params, Map.of("a", Nd4j.createFromArray(floats(g.get("a"))),
                    "b", Nd4j.createFromArray(floats(g.get("b")))), ref.get("lr").get(s).asDouble(), ref.get("clip").asDouble());
            JsonNode after = ref.get("after").get(s);
            for (int i = 0; i < 12; i++) {
                worstTypical = Math.max(worstTypical, Math.abs(params.get("a").getDouble(i) - after.get("a").get(i).asDouble()));
            }
            for (int i = 0; i < 4; i++) {
                worstTypical = Math.max(worstTypical, Math.abs(params.get("b").getDouble(i) - after.get("b").get(i).asDouble()));
            }
            worstTiny = Math.max(worstTiny, Math.abs(params.get("b").getDouble(4) - after.get("b").get(4).asDouble()));
        }
        System.out.printf("Adam vs torch after 40 steps: largest difference %.3g on ordinary gradients, %.3g on a "
                + "gradient of 1e-8%n", worstTypical, worstTiny);
        // 40 steps of lr <= 0.01 move weights by up to ~0.4; float32 rounding of that is ~1e-7 per step
        assertTrue(worstTypical < 1e-5, "ordinary gradients: " + worstTypical);
        assertTrue(worstTiny < 1e-5, "gradients at the size of epsilon: " + worstTiny);
    }

    private static float[] floats(JsonNode a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) a.get(i).asDouble();
        }
        return out;
    }
}
