package org.atelier.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.models.common.Init;
import org.atelier.models.common.Net;
import org.atelier.models.common.ParameterStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Atelier's UNet against its PyTorch twin ({@code benchmarks/pytorch/bench.py}) on the same weights and
 * inputs, from the values {@code make_unet_reference.py} (beside the reference file) computed in float64:
 * the time embedding, GroupNorm's numerics, the forward pass, the loss and every weight's gradient — the
 * checks of issue 15 that the two networks compute the same function and train on the same gradients.
 */
class UNetTwinTest {
    private static JsonNode ref;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = UNetTwinTest.class.getResourceAsStream("unet_reference.json")) {
            ref = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void timeEmbeddingHasPyTorchsFrequenciesAndScale() {
        JsonNode e = ref.get("embedding");
        int[] t = ints(e.get("t"));
        INDArray ours = TimeEmbedding.sinusoidal(t, e.get("width").asInt());
        double[] exact = doubles(e.get("values"));
        double worst = 0;
        for (int i = 0; i < exact.length; i++) {
            worst = Math.max(worst, Math.abs(ours.getDouble(i / 128, i % 128) - exact[i]));
        }
        assertTrue(worst < 1e-7, "largest difference " + worst);
    }

    /** An input of mean ~50 and spread ~0.01: a one-pass E[x²] − E[x]² variance would lose every digit here. */
    @Test
    void groupNormMatchesPyTorchInFloat32() {
        JsonNode g = ref.get("groupnorm");
        long[] shape = longs(g.get("shape"));
        INDArray x = Nd4j.createFromArray(floats(g.get("x"))).reshape('c', shape);
        double[] exact = doubles(g.get("exact"));
        double[] torch32 = doubles(g.get("torch_float32"));
        for (boolean training : new boolean[] {true, false}) {
            Net net = new Net(new ParameterStore(), new Init(1), training);
            SDVariable in = net.placeholder("x", -1, shape[1], shape[2], shape[3]);
            SDVariable y = GroupNorm.apply(net, "gn", in, (int) shape[1], g.get("groups").asInt(), (int) shape[2]);
            INDArray out = net.sd().output(Map.of("x", x), y.name()).get(y.name()).reshape(-1);
            double oursErr = 0;
            double torchErr = 0;
            for (int i = 0; i < exact.length; i++) {
                oursErr = Math.max(oursErr, Math.abs(out.getDouble(i) - exact[i]));
                torchErr = Math.max(torchErr, Math.abs(torch32[i] - exact[i]));
            }
            // float32 inputs near 50 carry ~4e-6 of rounding, i.e. ~4e-4 in units of the 0.01 spread
            assertTrue(oursErr < 2e-3, "GroupNorm (training=" + training + ") is off by " + oursErr
                    + " (PyTorch float32: " + torchErr + ")");
        }
    }

    @Test
    void forwardLossAndGradientsMatchPyTorch() {
        JsonNode u = ref.get("unet");
        ConditionSpace space = new ConditionSpace(List.of(new ConditionSlot("class", List.of("a", "b", "c"))));
        DiffusionModel model = new DiffusionModel(DiffusionConfig.of(UNetArch.TINY8, ConditioningKind.CLASS, List.of()), 1,
                space, 1);
        INDArray xt = Nd4j.createFromArray(floats(u.get("xt"))).reshape('c', 4, 1, 8, 8);
        List<Condition> cs = new ArrayList<>();
        for (int label : ints(u.get("labels"))) {
            cs.add(label == 3 ? space.nullCondition() : space.single(0, label));
        }
        int[] t = ints(u.get("t"));
        model.forward(xt, t, cs); // builds the weights, so the reference can overwrite every one of them
        Map<String, INDArray> weights = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = u.get("params").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            weights.put(p.getKey(), Nd4j.createFromArray(floats(p.getValue().get("values")))
                    .reshape('c', longs(p.getValue().get("shape"))));
        }
        assertEquals(model.parameters().parameters().keySet(), weights.keySet(), "the twin has the same weights");
        model.parameters().assign(weights);

        INDArray out = model.forward(xt, t, cs);
        assertClose("output", doubles(u.get("out")), out, 2e-5);
        INDArray eps = Nd4j.createFromArray(floats(u.get("eps"))).reshape('c', 4, 1, 8, 8);
        OutAndGrad og = model.lossAndGradients(xt, t, cs, eps);
        assertEquals(u.get("loss").asDouble(), og.getOutputs().get(model.lossName()).getDouble(0),
                1e-5 * u.get("loss").asDouble(), "loss: the mean over every value");
        for (Iterator<Map.Entry<String, JsonNode>> it = u.get("grads").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> g = it.next();
            assertClose("gradient of " + g.getKey(), doubles(g.getValue()), og.getGradients().get(g.getKey()), 1e-4);
        }
    }

    /** max |ours − ref| ≤ tol·max(1, max |ref|). */
    private static void assertClose(String what, double[] expected, INDArray actual, double tol) {
        INDArray a = actual.castTo(DataType.DOUBLE).reshape(-1);
        assertEquals(expected.length, a.length(), what + ": size");
        double scale = 1;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(a.getDouble(i) - expected[i]));
        }
        assertTrue(worst <= tol * scale, what + ": largest difference " + worst + " (scale " + scale + ")");
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    private static float[] floats(JsonNode a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) a.get(i).asDouble();
        }
        return out;
    }

    private static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    private static long[] longs(JsonNode a) {
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asLong();
        }
        return out;
    }
}
