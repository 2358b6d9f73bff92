package org.atelier.evaluation.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.evaluation.fidelity.FidelityReport;
import org.atelier.evaluation.fidelity.ImageScores;
import org.atelier.evaluation.fidelity.Region;
import org.atelier.evaluation.fidelity.RegionScores;
import org.atelier.evaluation.stats.MultipleTesting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fidelity per slice: a planted gap on one slice is found, and p-values are adjusted across every metric. */
class FidelitySlicesTest {
    private static final List<String> GROUPS = List.of("dark", "light", "medium");

    /** 30 images per group; dark fills are 3 dB worse in PSNR (and correspondingly in L1), SSIM alike. */
    private static FidelityReport planted(List<Map<String, String>> attributes) {
        SplittableRandom rng = new SplittableRandom(17);
        List<ImageScores> images = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            String g = GROUPS.get(i % 3);
            double psnr = 20 + rng.nextGaussian() - (g.equals("dark") ? 3 : 0);
            double ssim = 0.6 + 0.05 * rng.nextGaussian();
            double l1 = 0.1 * Math.pow(10, -(psnr - 20) / 20);
            Map<Region, RegionScores> r = new EnumMap<>(Region.class);
            r.put(Region.HOLE, new RegionScores(psnr, ssim, l1, l1 * l1, Double.NaN, 100));
            r.put(Region.WHOLE, new RegionScores(psnr + 10, ssim, l1 / 4, l1 * l1 / 16, Double.NaN, 1024));
            images.add(new ImageScores(String.format("%05d.png", i), 3, 0.1, r));
            attributes.add(Map.of("skin_group", g, "age", i % 2 == 0 ? "young" : "old"));
        }
        return new FidelityReport(false, 2, "none", images, Map.of(), List.of());
    }

    @Test
    void aSliceFilledWorseIsFoundOnTheHole() {
        List<Map<String, String>> attributes = new ArrayList<>();
        FidelityReport report = planted(attributes);
        FidelitySlices f = FidelitySlices.of(report, attributes, List.of("skin_group"), SliceOptions.defaults(0));
        assertEquals(Region.HOLE, f.region());
        assertEquals(List.of("psnr", "ssim", "l1"), List.copyOf(f.metrics().keySet()), "no perceptual without a network");
        SliceStats dark = f.metrics().get("psnr").slices().get("dark");
        assertEquals(30, dark.n());
        assertTrue(dark.difference() < -1.5 && dark.pAdjusted() < 0.01, dark.toString());
        assertTrue(f.metrics().get("l1").slices().get("dark").pAdjusted() < 0.01);
        assertTrue(f.metrics().get("ssim").slices().values().stream().noneMatch(s -> s.pAdjusted() < 0.05),
                "SSIM was not planted");
        assertTrue(dark.ciHigh() < f.metrics().get("psnr").overall().value());
    }

    @Test
    void pValuesAreAdjustedAcrossEverySliceOfEveryMetric() {
        List<Map<String, String>> attributes = new ArrayList<>();
        FidelitySlices f = FidelitySlices.of(planted(attributes), attributes, List.of("skin_group"), SliceOptions.defaults(0));
        List<Double> raw = new ArrayList<>();
        List<Double> adjusted = new ArrayList<>();
        f.metrics().values().forEach(m -> m.slices().values().forEach(s -> {
            raw.add(s.pValue());
            adjusted.add(s.pAdjusted());
        }));
        assertEquals(9, raw.size());
        double[] expected = MultipleTesting.adjust(raw.stream().mapToDouble(Double::doubleValue).toArray(),
                MultipleTesting.Method.HOLM);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], adjusted.get(i), 1e-15);
        }
        // one family of nine tests: the smallest p-value is multiplied by 9, not by the 3 of its own metric
        double minRaw = raw.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertEquals(Math.min(1, 9 * minRaw), adjusted.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), 1e-15);
    }

    @Test
    void intersectionsAndJsonShape() {
        List<Map<String, String>> attributes = new ArrayList<>();
        FidelitySlices f = FidelitySlices.of(planted(attributes), attributes, List.of("skin_group", "age"),
                SliceOptions.defaults(0).withMinSize(10));
        Map<String, Object> json = f.toJson();
        assertEquals("hole", json.get("region"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> metrics = (Map<String, Map<String, Object>>) json.get("metrics");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> slices = (Map<String, Map<String, Object>>) metrics.get("psnr").get("slices");
        assertEquals(6, slices.size());
        Map<String, Object> one = slices.get("dark × old");
        for (String key : List.of("n", "mean", "ci_low", "ci_high", "difference", "ratio", "p_adjusted")) {
            assertTrue(one.containsKey(key), key + " in " + one.keySet());
        }
        assertEquals(15, one.get("n"));
        assertTrue(f.table().contains("dark × old"));
    }

    @Test
    void attributesComeFromAManifestByFileName(@TempDir Path dir) {
        List<Map<String, String>> attributes = new ArrayList<>();
        FidelityReport report = planted(attributes);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            rows.add(Map.of("path", String.format("sub/%05d.jpg", i), "skin_group", attributes.get(i).get("skin_group"),
                    "note", "a, \"quoted\" cell"));
        }
        org.atelier.datasets.manifest.CsvTable.write(dir.resolve("manifest.csv"), List.of("path", "skin_group", "note"), rows);
        FidelitySlices f = FidelitySlices.of(report, dir.resolve("manifest.csv"), List.of("skin_group"),
                SliceOptions.defaults(0));
        assertTrue(f.metrics().get("psnr").slices().get("dark").pAdjusted() < 0.01, "joined by stem, whatever the extension");
        assertEquals("a, \"quoted\" cell", ImageAttributes.read(dir.resolve("manifest.csv")).get("00000").get("note"));

        InvalidInputException noColumn = assertThrows(InvalidInputException.class, () -> FidelitySlices.of(report,
                dir.resolve("manifest.csv"), List.of("age"), SliceOptions.defaults(0)));
        assertTrue(noColumn.getMessage().contains("manifest.csv") && noColumn.getMessage().contains("'age'"),
                noColumn.getMessage());
        org.atelier.datasets.manifest.CsvTable.write(dir.resolve("short.csv"), List.of("path", "skin_group"),
                rows.subList(0, 89));
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> FidelitySlices.of(report,
                dir.resolve("short.csv"), List.of("skin_group"), SliceOptions.defaults(0)));
        assertTrue(missing.getMessage().contains("short.csv") && missing.getMessage().contains("00089.png"),
                missing.getMessage());
        assertFalse(missing.getMessage().isBlank());
    }
}
