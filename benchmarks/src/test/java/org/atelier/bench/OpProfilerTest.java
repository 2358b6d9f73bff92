package org.atelier.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.atelier.models.Engine;
import org.junit.jupiter.api.Test;

class OpProfilerTest {
    @Test
    void parameterNamesTellTheLayerKind() {
        assertEquals("GroupNorm", OpProfiler.byParameter("down0_res_norm1_gamma", "multiply"));
        assertEquals("GroupNorm", OpProfiler.byParameter("out_norm_beta", "add_bp"));
        assertEquals("BatchNorm", OpProfiler.byParameter("g_bn0_beta", "add"));
        assertEquals("attention", OpProfiler.byParameter("mid_attn_q_w", "conv2d"));
        assertEquals("convolution", OpProfiler.byParameter("in_conv_w", "conv2d_bp"));
        assertEquals("convolution", OpProfiler.byParameter("g_up1_w", "deconv2d"));
        assertEquals("dense", OpProfiler.byParameter("temb_fc1_w", "matmul"));
        assertEquals("dense", OpProfiler.byParameter("temb_fc1_b", "add"));
    }

    @Test
    void profilesATinyTrainingStep() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        // SameDiff's engine: the op listener times the graphs' ops (the fast engine's layers are BenchTest's)
        BenchRequest quick = BenchRequest.quick();
        BenchRequest samediff = new BenchRequest(quick.settings().withEngine(Engine.SAMEDIFF), null, false, false, null,
                null);
        BenchReport r = Bench.run(samediff.withCases("unet28_step,ssim").withProfile(true), quiet);
        ProfileSummary p = r.cases().get(0).profile();
        assertTrue(p.opsPerRun() > 100, p.toString());
        assertTrue(p.byKind().containsKey("GroupNorm") && p.byKind().containsKey("convolution"), p.toString());
        assertTrue(p.byType().containsKey("conv2d_bp"), "the gradient graph's ops are timed too");
        assertTrue(p.opSeconds() <= p.wallSeconds() + 1e-9);
        assertNull(r.cases().get(1).profile(), "SSIM runs no graph, so has no profile");
    }
}
