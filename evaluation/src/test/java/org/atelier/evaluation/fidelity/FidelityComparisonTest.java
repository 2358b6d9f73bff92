package org.atelier.evaluation.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.errors.InvalidSettingException;
import org.atelier.core.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two fidelity evaluations compared image by image through the Java API. */
class FidelityComparisonTest {
    /** n images; B's hole PSNR is A's + 1 + small noise, its L1 0.05 larger; SSIM identical. */
    private static Path write(Path file, boolean isB, int n, double holeShift) throws Exception {
        List<Object> images = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> hole = new LinkedHashMap<>();
            double psnr = 15 + 5 * Math.sin(i);
            hole.put("psnr", isB ? psnr + 1 + 0.1 * Math.cos(3 * i) : psnr);
            hole.put("ssim", 0.5);
            hole.put("l1", 0.2 + (isB ? 0.05 : 0));
            Map<String, Object> img = new LinkedHashMap<>();
            img.put("name", "img-" + i);
            img.put("hole_fraction", 0.2 + holeShift);
            img.put("hole", hole);
            images.add(img);
        }
        Json.write(file, Map.of("per_image", images));
        return file;
    }

    @Test
    void pairsByNameAndSaysWhichSideIsBetterOnlyWhereTheIntervalExcludesZero(@TempDir Path tmp) throws Exception {
        Path a = write(tmp.resolve("a.json"), false, 30, 0);
        Path b = write(tmp.resolve("b.json"), true, 30, 0);
        FidelityComparison c = FidelityComparison.of(a, b, 1000, 3);
        assertEquals(30, c.images());
        PairedComparison psnr = c.byRegion().get("hole").get("psnr");
        assertEquals(1.0, psnr.meanDiff(), 0.05);
        assertEquals("B better", FidelityComparison.verdict("psnr", psnr));
        assertEquals("A better", FidelityComparison.verdict("l1", c.byRegion().get("hole").get("l1")),
                "a larger distance is worse");
        assertEquals("no difference shown", FidelityComparison.verdict("ssim", c.byRegion().get("hole").get("ssim")));
        assertEquals(c.byRegion().get("hole").get("psnr"), FidelityComparison.of(a, b, 1000, 3).byRegion().get("hole")
                .get("psnr"), "same seed, same interval");
        String table = FidelityTables.of(c);
        assertTrue(table.contains("30 images paired by name") && table.contains("B better"), table);
        assertTrue(c.toJson().toString().contains("b_minus_a"));
    }

    @Test
    void otherImagesOtherHolesAndFewResamplesAreRefused(@TempDir Path tmp) throws Exception {
        Path a = write(tmp.resolve("a.json"), false, 30, 0);
        InvalidInputException images = assertThrows(InvalidInputException.class,
                () -> FidelityComparison.of(a, write(tmp.resolve("b.json"), true, 29, 0), 1000, 0));
        assertTrue(images.getMessage().contains("different images"), images.getMessage());
        InvalidInputException holes = assertThrows(InvalidInputException.class,
                () -> FidelityComparison.of(a, write(tmp.resolve("c.json"), true, 30, 0.01), 1000, 0));
        assertTrue(holes.getMessage().contains("different masks"), holes.getMessage());
        assertEquals("resamples", assertThrows(InvalidSettingException.class,
                () -> FidelityComparison.of(a, a, 10, 0)).setting());
        Files.createDirectories(tmp.resolve("empty"));
        assertThrows(InvalidInputException.class, () -> FidelityComparison.of(a, tmp.resolve("empty"), 1000, 0));
    }
}
