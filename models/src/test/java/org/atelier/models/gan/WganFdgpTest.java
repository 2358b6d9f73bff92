package org.atelier.models.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WganFdgpTest {
    @Test
    void criticTakesFiveStepsPerGeneratorStepAndReportsItsPenalty() {
        GanConfig cfg = new GanConfig(GanFamily.WGAN_FDGP, GanArch.TINY28, 16, null, null, null, null, null, null, null, null);
        assertEquals(5, cfg.criticSteps());
        assertEquals(10.0, cfg.gpWeight());
        ImageGan gan = new ImageGan(cfg, 1, List.of(), 3);
        assertEquals(5, gan.batchesPerStep());
        assertTrue(gan.parameters().buffers().keySet().stream().noneMatch(n -> n.startsWith("d_")),
                "the critic has no batch norm");
        int[] dUpdates = new int[1];
        SgdContext ctx = new SgdContext(gan.parameters(), 1e-3, 0) {
            @Override
            public double update(String group, Map<String, org.nd4j.linalg.api.ndarray.INDArray> g) {
                if (group.equals("d")) {
                    dUpdates[0]++;
                }
                return super.update(group, g);
            }
        };
        Map<String, Double> l = gan.step(ImageGanTest.batch(20, 1, 28, 4), ctx);
        assertEquals(5, dUpdates[0]);
        assertTrue(l.keySet().containsAll(List.of("d_loss", "g_loss", "w_dist", "penalty")), l.toString());
        l.values().forEach(v -> assertTrue(Double.isFinite(v), l.toString()));
        assertTrue(l.get("penalty") >= 0);
        assertEquals(3, gan.sample(3, OptionalInt.empty(), new SplittableRandom(1)).size());
    }
}
