package org.atelier.cli.evaluate;

import static org.atelier.cli.MainTestAccess.fails;
import static org.atelier.cli.MainTestAccess.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.cli.MainTestAccess;
import org.atelier.core.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atelier metrics compare} on two fidelity files written the way inpaint-eval writes them. */
class CompareCommandTest {
    /**
     * 64 images; B's hole PSNR is A's + 0.1 + 0.5·cos(1.3·i) (the series PairedComparisonTest checks
     * against scipy), B's hole L1 is A's + 0.01 (worse), the band identical (PSNR "Infinity").
     */
    private static Path write(Path dir, boolean isB, double holeShift, int n) throws Exception {
        List<Object> images = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double psnrA = 15 + 7 * Math.sin(i * 0.7);
            Map<String, Object> hole = new LinkedHashMap<>();
            hole.put("psnr", isB ? psnrA + 0.1 + 0.5 * Math.cos(i * 1.3) : psnrA);
            hole.put("ssim", 0.6);
            hole.put("l1", 0.2 + 0.001 * i + (isB ? 0.01 : 0));
            hole.put("mse", 0.1);
            hole.put("perceptual", null);
            hole.put("pixels", 200);
            Map<String, Object> band = new LinkedHashMap<>(hole);
            band.put("psnr", "Infinity");
            Map<String, Object> img = new LinkedHashMap<>();
            img.put("name", String.format("%05d.png", i));
            img.put("hole_fraction", 0.25 + (i % 7) * 0.01 + holeShift);
            img.put("hole", hole);
            img.put("band", band);
            img.put("whole", hole);
            images.add(img);
        }
        Files.createDirectories(dir);
        Json.write(dir.resolve("fidelity.json"), Map.of("images", n, "per_image", images));
        return dir;
    }

    @Test
    void pairsByNameAndSaysWhichIsBetter(@TempDir Path tmp) throws Exception {
        Path a = write(tmp.resolve("a"), false, 0, 64);
        Path b = write(tmp.resolve("b"), true, 0, 64);
        MainTestAccess.Result r = ok("metrics", "compare", a.toString(), b.toString());
        assertTrue(r.out().contains("64 images paired by name"), r.out());
        assertTrue(r.out().matches("(?s).*hole +psnr .* \\+0\\.1088 .* B better.*"), r.out());
        assertTrue(r.out().matches("(?s).*hole +l1 .* A better.*"), "a larger distance is worse: " + r.out());
        assertTrue(r.out().matches("(?s).*hole +ssim .* no difference shown.*"), r.out());
        assertTrue(r.out().contains("band   psnr       not finite in any pair"), r.out());
        assertTrue(!r.out().contains("perceptual"), "a metric not scored is left out");

        MainTestAccess.Result j = ok("metrics", "compare", a.resolve("fidelity.json").toString(), b.toString(), "--json",
                "--seed", "3");
        JsonNode psnr = Json.mapper().readTree(j.out()).at("/b_minus_a/hole/psnr");
        assertEquals(0.01818850789907634, psnr.path("p_paired_t").asDouble(), 1e-10, "scipy's ttest_rel");
        assertEquals(64, psnr.path("n").asInt());
    }

    @Test
    void evaluationsOfOtherImagesOrOtherMasksAreRefused(@TempDir Path tmp) throws Exception {
        Path a = write(tmp.resolve("a"), false, 0, 64);
        fails("different images", "metrics", "compare", a.toString(), write(tmp.resolve("fewer"), true, 0, 60).toString());
        fails("different masks", "metrics", "compare", a.toString(), write(tmp.resolve("holes"), true, 0.02, 64).toString());
        fails("fidelity.json", "metrics", "compare", a.toString(), tmp.resolve("nowhere").toString());
        Files.writeString(tmp.resolve("bad.json"), "{\"images\": 3}");
        fails("has no per_image scores", "metrics", "compare", a.toString(), tmp.resolve("bad.json").toString());
        fails("--resamples must be in 100..1000000", "metrics", "compare", a.toString(), a.toString(), "--resamples", "5");
    }
}
