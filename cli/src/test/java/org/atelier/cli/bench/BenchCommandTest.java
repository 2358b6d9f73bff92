package org.atelier.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.atelier.cli.MainTestAccess;
import org.atelier.core.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness mechanics; no timing is asserted. */
class BenchCommandTest {
    /** The JSON object at the end of stdout (SameDiff prints build chatter before it outside the CLI's filter). */
    private static JsonNode json(String out) throws Exception {
        int start = out.startsWith("{") ? 0 : out.indexOf("\n{") + 1;
        return Json.mapper().readTree(out.substring(start));
    }

    @Test
    void quickRunsEveryCaseOnceOnTinySettings() throws Exception {
        MainTestAccess.Result r = MainTestAccess.run("bench", "--quick", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = json(r.out());
        for (String key : List.of("taken_at", "settings", "machine", "atelier", "pytorch", "cases", "peak_rss_mb")) {
            assertTrue(j.has(key), "missing " + key + " in " + j);
        }
        assertTrue(j.get("settings").get("quick").asBoolean());
        assertFalse(j.get("settings").get("gc_per_run").asBoolean());
        assertEquals("tiny28", j.get("settings").get("unet").asText());
        assertTrue(j.get("pytorch").isNull(), "PyTorch is only run with --vs-pytorch");
        assertTrue(j.get("machine").get("peak_gflops").asDouble() > 0);
        List<String> ids = new ArrayList<>();
        for (JsonNode c : j.get("cases")) {
            ids.add(c.get("id").asText());
            JsonNode a = c.get("atelier");
            for (String key : List.of("median_s", "min_s", "max_s", "q1_s", "q3_s", "n", "seconds", "cpu_median_s",
                    "peak_rss_mb")) {
                assertTrue(a.has(key), c.get("id") + " lacks " + key);
            }
            assertEquals(1, a.get("n").asInt(), "--quick runs each case once");
            assertEquals(1, a.get("seconds").size());
            assertTrue(c.get("ratio").isNull());
            assertEquals(0, c.get("mismatches").size());
        }
        assertEquals(BenchCases.ids(), ids);
        JsonNode unet = j.get("cases").get(1);
        assertEquals(FlopCount.unetStepFlops(org.atelier.models.diffusion.UNetArch.TINY28.spec(), 1, 4),
                unet.get("flops").asDouble(), 1);
        assertTrue(unet.get("atelier").get("params").asLong() > 0);
        assertTrue(j.get("cases").get(4).get("atelier").get("value").isNumber(), "FID reports its value");
    }

    @Test
    void aPythonWithoutTorchNamesThePackageToInstall(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("python3");
        Files.writeString(fake, "#!/bin/sh\necho \"ModuleNotFoundError: No module named 'torch'\" >&2\nexit 1\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        MainTestAccess.Result r = MainTestAccess.run("bench", "--quick", "--vs-pytorch", "--python", fake.toString(),
                "--cases", "ssim");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("python3-torch") && r.err().contains("No module named 'torch'"), r.err());
        MainTestAccess.Result missing = MainTestAccess.run("bench", "--quick", "--vs-pytorch", "--python",
                dir.resolve("nope").toString(), "--cases", "ssim");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("python3-torch"), missing.err());
    }

    @Test
    void gcPerRunIsRecorded() throws Exception {
        MainTestAccess.Result r = MainTestAccess.run("bench", "--quick", "--json", "--gc-per-run", "--cases", "ssim");
        assertEquals(0, r.code(), r.err());
        JsonNode j = json(r.out());
        assertTrue(j.get("settings").get("gc_per_run").asBoolean());
        assertEquals(1, j.get("cases").size());
    }

    @Test
    void badArgumentsAreUserErrors() {
        MainTestAccess.Result r = MainTestAccess.run("bench", "--quick", "--cases", "unet28_step,warp_drive");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("warp_drive") && r.err().contains("unet28_step"), r.err());
        assertEquals(2, MainTestAccess.run("bench", "--iterations", "0").code());
        assertEquals(2, MainTestAccess.run("bench", "--warmup", "-1").code());
    }

    @Test
    void tableNamesTheMachineAndTheCases() {
        MainTestAccess.Result r = MainTestAccess.run("bench", "--quick", "--cases", "ssim,fid");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("nominal fp32 peak") && r.out().contains("machine:"), r.out());
        assertTrue(r.out().contains("ssim") && r.out().contains("fid"), r.out());
        assertFalse(r.out().contains("dcgan28_step"), "only the chosen cases run");
    }

    @Test
    void reportFolderHoldsTheTableAndTheProfile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("bench-report");
        MainTestAccess.Result r = MainTestAccess.run("bench", "--quick", "--profile", "--cases", "unet28_forward,ssim",
                "--report", out.toString());
        assertEquals(0, r.code(), r.err());
        String page = java.nio.file.Files.readString(out.resolve("index.html"));
        assertTrue(page.contains("unet28_forward") && page.contains("ssim"), page);
        assertTrue(page.contains("Profile of unet28_forward") && page.contains("conv2d"), page);
        var results = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(2, results.get("results").get("bench").get("cases").size());
        assertTrue(java.nio.file.Files.exists(out.resolve("provenance.json")));
    }
}
