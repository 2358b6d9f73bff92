package org.atelier.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.training.config.OptimizerConfig;
import org.atelier.training.config.OptimizerKind;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused Adam pass against ND4J's updater, which it replaces on float32 parameters: the same
 * parameters and state after steps with clipping and AdamW decay, and a state written by one
 * path continued by the other (a checkpoint taken before the change, resumed after it).
 */
class FusedAdamTest {
    private static final List<String> NAMES = List.of("w", "b", "v");
    private static final long COUNT = 3 * 4 * 5 + 7 + 33;

    @Test
    void stepsAsNd4jsUpdaterWithClipAndDecay() {
        OptimizerConfig adamw = new OptimizerConfig(OptimizerKind.ADAMW, 1e-2, 0.9, 0.999, 1e-8, 0.05, null);
        Map<String, INDArray> fused = params(1);
        Map<String, INDArray> nd4j = params(1);
        GroupOptimizer a = new GroupOptimizer(adamw, NAMES, COUNT, true);
        GroupOptimizer b = new GroupOptimizer(adamw, NAMES, COUNT, false);
        for (int s = 0; s < 6; s++) {
            // large gradients on even steps, so the clip to 1 acts on some steps and not others
            Map<String, INDArray> g = grads(100 + s, s % 2 == 0 ? 5.0 : 0.01);
            double na = a.apply(fused, g, 1e-2, 1.0);
            double nb = b.apply(nd4j, copy(g), 1e-2, 1.0);
            assertEquals(nb, na, 1e-5 * nb, "gradient norm at step " + s);
        }
        assertClose(nd4j, fused, "parameters after 6 steps");
        assertTrue(maxDiff(a.state(), b.state()) < 1e-6, "optimiser state: " + maxDiff(a.state(), b.state()));
        assertEquals(b.updates(), a.updates());
    }

    @Test
    void continuesAStateTheOtherPathWrote() {
        OptimizerConfig adam = OptimizerConfig.adam(2e-3, 0.9, 0.999);
        Map<String, INDArray> p = params(2);
        GroupOptimizer nd4j = new GroupOptimizer(adam, NAMES, COUNT, false);
        for (int s = 0; s < 3; s++) {
            nd4j.apply(p, grads(200 + s, 1.0), 2e-3, 0);
        }
        Map<String, INDArray> resumed = copy(p);
        GroupOptimizer fused = new GroupOptimizer(adam, NAMES, COUNT, true);
        fused.restore(nd4j.state().dup(), nd4j.updates());
        for (int s = 3; s < 6; s++) {
            Map<String, INDArray> g = grads(200 + s, 1.0);
            nd4j.apply(p, copy(g), 2e-3, 0);
            fused.apply(resumed, g, 2e-3, 0);
        }
        assertClose(p, resumed, "parameters after 3 steps resumed on the other path");
    }

    private static Map<String, INDArray> params(long seed) {
        Nd4j.getRandom().setSeed(seed);
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put("w", Nd4j.randn(DataType.FLOAT, 3, 4, 5));
        m.put("b", Nd4j.randn(DataType.FLOAT, 7));
        m.put("v", Nd4j.randn(DataType.FLOAT, 33, 1));
        return m;
    }

    private static Map<String, INDArray> grads(long seed, double scale) {
        Map<String, INDArray> m = params(seed);
        m.replaceAll((k, v) -> v.muli(scale));
        return m;
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> src) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        src.forEach((k, v) -> m.put(k, v.dup()));
        return m;
    }

    private static void assertClose(Map<String, INDArray> expected, Map<String, INDArray> actual, String what) {
        double worst = 0;
        double moved = 0;
        for (String k : NAMES) {
            worst = Math.max(worst, maxDiff(expected.get(k), actual.get(k)));
            moved = Math.max(moved, expected.get(k).amaxNumber().doubleValue());
        }
        System.out.printf("fused Adam vs ND4J's updater, %s: largest difference %.3g%n", what, worst);
        assertTrue(moved > 0, "nothing to compare");
        assertTrue(worst < 1e-6, what + ": " + worst);
    }

    private static double maxDiff(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }
}
