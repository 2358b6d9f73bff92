package org.atelier.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.atelier.cli.MainTestAccess;
import org.atelier.core.io.Json;
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
    void profilesATinyTrainingStep() throws Exception {
        MainTestAccess.Result r = MainTestAccess.run("bench", "--quick", "--json", "--profile", "--cases",
                "unet28_step,ssim");
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        JsonNode j = Json.mapper().readTree(out.substring(out.startsWith("{") ? 0 : out.indexOf("\n{") + 1));
        JsonNode p = j.get("cases").get(0).get("profile");
        assertTrue(p.get("ops_per_run").asDouble() > 100, p.toString());
        assertTrue(p.get("by_kind_s").has("GroupNorm") && p.get("by_kind_s").has("convolution"), p.toString());
        assertTrue(p.get("by_op_type").has("conv2d_bp"), "the gradient graph's ops are timed too");
        assertTrue(p.get("in_ops_s").asDouble() <= p.get("wall_s").asDouble() + 1e-9);
        assertTrue(j.get("cases").get(1).path("profile").isMissingNode(), "SSIM runs no graph, so has no profile");
    }
}
