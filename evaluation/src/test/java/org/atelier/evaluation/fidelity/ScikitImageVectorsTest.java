package org.atelier.evaluation.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.atelier.core.io.Json;
import org.junit.jupiter.api.Test;

/**
 * SSIM, PSNR, L1 and MSE of {@link FidelityEvaluation} — files read as the CLI reads them — against
 * scikit-image 0.19 on photographs and inpaintings (grey and RGB, 28 to 256 pixels a side, non-square;
 * three of the inpaintings are fills by the project's own ddpm-cond-fashion), the inputs and values
 * written by {@code src/test/python/ssim_vectors.py} (its header gives the exact call and how the
 * hole and band means are taken). It reads the committed values: the build needs no Python.
 */
class ScikitImageVectorsTest {
    private static final double TOLERANCE = 1e-4;
    private static final String[] METRICS = {"ssim", "psnr", "l1", "mse"};

    private static Path resource(String name) throws Exception {
        return Path.of(ScikitImageVectorsTest.class.getResource("ssim/" + name).toURI());
    }

    private static JsonNode expected() throws Exception {
        return Json.mapper().readTree(resource("expected.json").toFile());
    }

    @Test
    void photographsMatchScikitImage() throws Exception {
        JsonNode expected = expected().path("photos");
        FidelityReport report = FidelityEvaluation.run(resource("photos/reference"), resource("photos/distorted"), null,
                4, false, null);
        assertEquals(expected.size(), report.images().size());
        assertTrue(report.images().size() >= 7);
        assertEquals("grey and RGB", report.imageKind());
        List<String> checked = new ArrayList<>();
        for (ImageScores img : report.images()) {
            checkRegions(img, expected.path(img.name()), List.of(Region.WHOLE), checked);
        }
        assertEquals(expected.size() * METRICS.length, checked.size(), String.join(", ", checked));
    }

    @Test
    void inpaintingsMatchScikitImageOnHoleBandAndWholeImage() throws Exception {
        JsonNode all = expected();
        JsonNode expected = all.path("inpainting");
        FidelityReport report = FidelityEvaluation.run(resource("inpainting/reference"), resource("inpainting/filled"),
                resource("inpainting/masks"), all.path("band_px").asInt(), false, null);
        assertEquals(expected.size(), report.images().size());
        assertTrue(report.images().size() >= 4);
        List<String> checked = new ArrayList<>();
        for (ImageScores img : report.images()) {
            JsonNode e = expected.path(img.name());
            assertEquals(e.path("hole_fraction").asDouble(), img.holeFraction(), 1e-12, img.name());
            checkRegions(img, e, List.of(Region.HOLE, Region.BAND, Region.WHOLE), checked);
        }
        assertEquals(expected.size() * 3 * METRICS.length, checked.size());
    }

    /** The figures are not all alike: SSIM spans a wide range, so a constant could not pass. */
    @Test
    void theVectorsCoverAWideRangeOfSsim() throws Exception {
        double lo = 1;
        double hi = 0;
        for (JsonNode kind : List.of(expected().path("photos"), expected().path("inpainting"))) {
            for (JsonNode img : kind) {
                for (JsonNode region : img) {
                    if (region.has("ssim")) {
                        lo = Math.min(lo, region.path("ssim").asDouble());
                        hi = Math.max(hi, region.path("ssim").asDouble());
                    }
                }
            }
        }
        assertTrue(lo < 0.3 && hi > 0.85, lo + " .. " + hi);
    }

    private static void checkRegions(ImageScores img, JsonNode expected, List<Region> regions, List<String> checked) {
        assertTrue(expected.isObject(), img.name() + " has no expected values");
        for (Region r : regions) {
            RegionScores got = img.regions().get(r);
            JsonNode want = expected.path(r.key());
            assertEquals(want.path("pixels").asInt(), got.pixels(), img.name() + " " + r.key() + " pixels");
            for (String metric : METRICS) {
                assertEquals(want.path(metric).asDouble(), got.get(metric), TOLERANCE,
                        img.name() + " " + r.key() + " " + metric);
                checked.add(img.name() + "/" + r.key() + "/" + metric);
            }
        }
    }
}
