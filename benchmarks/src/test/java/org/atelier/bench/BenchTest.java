package org.atelier.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.models.diffusion.UNetArch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness through its Java API, as a notebook or a test calls it; no timing is asserted. */
class BenchTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void quickRunsEveryCaseOnceOnTinySettings() {
        BenchReport r = Bench.run(BenchRequest.quick(), QUIET);
        assertEquals(BenchCases.ids(), r.cases().stream().map(CaseResult::id).toList());
        assertTrue(r.settings().quick());
        assertEquals(UNetArch.TINY28, r.settings().unet());
        assertNull(r.torch(), "PyTorch is only run when asked for");
        assertTrue(r.machine().peakGflops() > 0);
        for (CaseResult c : r.cases()) {
            assertEquals(1, c.atelier().count(), c.id() + ": quick settings run each case once");
            assertTrue(Double.isNaN(c.ratio()));
            assertTrue(c.mismatches().isEmpty());
            assertNull(c.profile(), "no profile unless asked for");
        }
        CaseResult unet = r.cases().get(1);
        assertEquals(FlopCount.unetStepFlops(UNetArch.TINY28.spec(), 1, 4), unet.flops(), 1);
        assertTrue(((Number) unet.atelierFacts().get("params")).longValue() > 0);
        assertTrue(r.cases().get(4).atelierFacts().get("value") instanceof Number, "FID reports its value");

        Map<String, Object> json = r.toJson();
        for (String key : List.of("taken_at", "settings", "machine", "atelier", "pytorch", "cases", "peak_rss_mb")) {
            assertTrue(json.containsKey(key), "missing " + key + " in " + json.keySet());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> ssim = (Map<String, Object>) ((List<?>) json.get("cases")).get(5);
        @SuppressWarnings("unchecked")
        Map<String, Object> side = (Map<String, Object>) ssim.get("atelier");
        for (String key : List.of("median_s", "min_s", "max_s", "q1_s", "q3_s", "n", "seconds", "cpu_median_s",
                "peak_rss_mb", "value")) {
            assertTrue(side.containsKey(key), "ssim lacks " + key);
        }
    }

    @Test
    void gcPerRunAndTheCaseChoiceAreKept() {
        BenchRequest request = new BenchRequest(BenchSettings.tiny().withGcPerRun(true), "ssim", false, false, null, null);
        BenchReport r = Bench.run(request, QUIET);
        assertEquals(List.of("ssim"), r.cases().stream().map(CaseResult::id).toList());
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) r.toJson().get("settings");
        assertEquals(true, settings.get("gc_per_run"));
    }

    @Test
    void reportFolderHoldsTheTableAndTheProfile(@TempDir Path dir) throws Exception {
        BenchReport r = Bench.run(BenchRequest.quick().withCases("unet28_forward,ssim").withProfile(true), QUIET);
        Path page = BenchHtml.write(r, dir.resolve("bench-report"));
        String html = Files.readString(page);
        assertTrue(html.contains("unet28_forward") && html.contains("ssim"), html);
        assertTrue(html.contains("Profile of unet28_forward") && html.contains("conv2d"), html);
        var results = new com.fasterxml.jackson.databind.ObjectMapper().readTree(page.resolveSibling("results.json").toFile());
        assertEquals(2, results.get("results").get("bench").get("cases").size());
        assertTrue(Files.exists(page.resolveSibling("provenance.json")));
    }

    @Test
    void aPythonWithoutTorchNamesThePackageToInstall(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("python3");
        Files.writeString(fake, "#!/bin/sh\necho \"ModuleNotFoundError: No module named 'torch'\" >&2\nexit 1\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        BenchRequest ssim = BenchRequest.quick().withCases("ssim");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Bench.run(ssim.withPytorch(fake, null), QUIET));
        assertTrue(e.getMessage().contains("python3-torch") && e.getMessage().contains("No module named 'torch'"),
                e.getMessage());
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> Bench.run(ssim.withPytorch(dir.resolve("nope"), null), QUIET));
        assertTrue(missing.getMessage().contains("python3-torch"), missing.getMessage());
    }

    @Test
    void badRequestsAreRefusedWithTheirBounds() {
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> BenchCases.select("unet28_step,warp_drive"));
        assertTrue(unknown.getMessage().contains("warp_drive") && unknown.getMessage().contains("unet28_step"));
        assertEquals(List.of("unet28_step", "ssim"),
                BenchCases.select(" ssim,, unet28_step").stream().map(BenchCase::id).toList(), "standard order");
        assertThrows(InvalidInputException.class, () -> BenchSettings.full(-1, 5));
        assertThrows(InvalidInputException.class, () -> BenchSettings.full(BenchSettings.MAX_WARMUP + 1, 5));
        assertThrows(InvalidInputException.class, () -> BenchSettings.full(2, 0));
        assertThrows(InvalidInputException.class, () -> BenchSettings.full(2, BenchSettings.MAX_ITERATIONS + 1));
        assertFalse(BenchSettings.full(0, 1).quick());
        assertThrows(InvalidInputException.class, () -> BenchRequest.quick().withPytorch(null, 0));
    }
}
