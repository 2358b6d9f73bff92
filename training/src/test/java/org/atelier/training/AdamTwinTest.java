package org.atelier.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        // A gradient the size of epsilon is where the two differ, by design: torch adds eps to the bias-corrected
        // sqrt(v^), ND4J's AdamUpdater to the raw sqrt(v) (with the correction folded into the step size), so its
        // effective eps is 1/sqrt(1 - beta2^t) times larger (31x at step 1, 1.03x at step 3000). b[4] replayed in
        // double with each formula: torch's gives the reference's value, ND4J's gives ours.
        double[] replay = replayTinyGradient(ref);
        double ours = params.get("b").getDouble(4);
        double torch = ref.get("after").get(ref.get("lr").size() - 1).get("b").get(4).asDouble();
        assertEquals(torch, replay[0], 1e-6, "the replay with torch's formula gives torch's value");
        assertEquals(replay[1], ours, 1e-5, "ours follows ND4J's formula (eps on the raw sqrt(v))");
        assertTrue(Math.abs(ours - torch) > 1e-3, "the difference is real at this size: " + (ours - torch));
    }

    /** b[4] after every step, by torch's Adam ([0]) and by ND4J's ([1]), both behind torch's clip_grad_norm_. */
    private static double[] replayTinyGradient(JsonNode ref) {
        double b1 = ref.get("beta1").asDouble();
        double b2 = ref.get("beta2").asDouble();
        double eps = ref.get("eps").asDouble();
        double start = ref.get("params").get("b").get(4).asDouble();
        double[] p = {start, start};
        double m = 0;
        double v = 0;
        for (int s = 0; s < ref.get("lr").size(); s++) {
            JsonNode g = ref.get("grads").get(s);
            double norm2 = 0;
            for (String k : new String[] {"a", "b"}) {
                for (JsonNode x : g.get(k)) {
                    norm2 += x.asDouble() * x.asDouble();
                }
            }
            double coef = Math.min(1, ref.get("clip").asDouble() / (Math.sqrt(norm2) + 1e-6));
            double gi = g.get("b").get(4).asDouble() * coef;
            m = b1 * m + (1 - b1) * gi;
            v = b2 * v + (1 - b2) * gi * gi;
            double bc1 = 1 - Math.pow(b1, s + 1);
            double bc2 = 1 - Math.pow(b2, s + 1);
            double lr = ref.get("lr").get(s).asDouble();
            p[0] -= lr / bc1 * m / (Math.sqrt(v) / Math.sqrt(bc2) + eps);
            p[1] -= lr * Math.sqrt(bc2) / bc1 * m / (Math.sqrt(v) + eps);
        }
        return p;
    }

    private static float[] floats(JsonNode a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) a.get(i).asDouble();
        }
        return out;
    }
}
