package org.atelier.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.atelier.cli.MainTestAccess;
import org.atelier.core.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flags of {@code atelier bench} and what it prints; the harness itself is tested through
 * its Java API in the benchmarks module. No timing is asserted.
 */
class BenchCommandTest {
    /** The JSON object at the end of stdout (SameDiff prints build chatter before it outside the CLI's filter). */
    private static JsonNode json(String out) throws Exception {
        int start = out.startsWith("{") ? 0 : out.indexOf("\n{") + 1;
        return Json.mapper().readTree(out.substring(start));
    }

    @Test
    void jsonFlagPrintsTheReportWithTheSettingsTheFlagsChose() throws Exception {
        MainTestAccess.Result r = MainTestAccess.run("bench", "--quick", "--json", "--gc-per-run", "--cases", "ssim");
        assertEquals(0, r.code(), r.err());
        JsonNode j = json(r.out());
        assertTrue(j.get("settings").get("quick").asBoolean());
        assertTrue(j.get("settings").get("gc_per_run").asBoolean());
        assertTrue(j.get("pytorch").isNull(), "PyTorch is only run with --vs-pytorch");
        assertEquals(1, j.get("cases").size());
        assertEquals("ssim", j.get("cases").get(0).get("id").asText());
        assertTrue(r.err().contains("[1/1] ssim"), "progress goes to stderr: " + r.err());
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
    void reportFlagWritesTheFolder(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("bench-report");
        MainTestAccess.Result r = MainTestAccess.run("bench", "--quick", "--cases", "ssim", "--report", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("report: " + out.resolve("index.html").toAbsolutePath()), r.err());
        assertTrue(Files.readString(out.resolve("index.html")).contains("ssim"));
        assertTrue(Files.exists(out.resolve("results.json")) && Files.exists(out.resolve("provenance.json")));
    }

    @Test
    void badArgumentsAreUserErrors(@TempDir Path dir) throws Exception {
        MainTestAccess.Result r = MainTestAccess.run("bench", "--quick", "--cases", "unet28_step,warp_drive");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("warp_drive") && r.err().contains("unet28_step"), r.err());
        MainTestAccess.fails("--iterations must be in 1..1000", "bench", "--iterations", "0");
        MainTestAccess.fails("--warmup must be in 0..100", "bench", "--warmup", "-1");
        MainTestAccess.fails("--warmup must be in 0..100", "bench", "--quick", "--warmup", "101");
        MainTestAccess.fails("--torch-threads must be >= 1", "bench", "--quick", "--vs-pytorch", "--torch-threads", "0");
        Path fake = dir.resolve("python3");
        Files.writeString(fake, "#!/bin/sh\necho \"ModuleNotFoundError: No module named 'torch'\" >&2\nexit 1\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        MainTestAccess.fails("python3-torch", "bench", "--quick", "--vs-pytorch", "--python", fake.toString(),
                "--cases", "ssim");
    }

    @Test
    void fidSubcommandsRefuseBadInputBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path a = Files.write(dir.resolve("a.f32"), new byte[32]);
        MainTestAccess.fails("missing.f32", "bench", "fid-files", "--a", a.toString(), "--b",
                dir.resolve("missing.f32").toString(), "--d", "4");
        MainTestAccess.fails("--d must be at least 1", "bench", "fid-files", "--a", a.toString(), "--b", a.toString(),
                "--d", "0");
        MainTestAccess.fails("--d", "bench", "fid-files", "--a", a.toString(), "--b", a.toString());
        MainTestAccess.fails("none.idx", "bench", "fid-stream", "--idx", dir.resolve("none.idx").toString());
        MainTestAccess.fails("--idx", "bench", "fid-stream");
    }

    @Test
    void fidFilesPrintsOneJsonLine(@TempDir Path dir) throws Exception {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(3 * 2 * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float v : new float[] {0, 1, 2, 0, 1, 5}) {
            buf.putFloat(v);
        }
        Path f = Files.write(dir.resolve("x.f32"), buf.array());
        MainTestAccess.Result r = MainTestAccess.ok("bench", "fid-files", "--a", f.toString(), "--b", f.toString(),
                "--d", "2");
        String line = r.out().lines().filter(l -> l.startsWith("{")).reduce((x, y) -> y).orElseThrow();
        JsonNode j = Json.mapper().readTree(line);
        assertEquals(3, j.get("n_a").asLong());
        assertEquals(0, j.get("fid").asDouble(), 1e-9, "a set is at distance 0 from itself");
    }
}
