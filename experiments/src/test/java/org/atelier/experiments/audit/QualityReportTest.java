package org.atelier.experiments.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.core.provenance.ProvenanceBuilder;
import org.atelier.evaluation.audit.FidelitySlices;
import org.atelier.evaluation.audit.SliceDistribution;
import org.atelier.evaluation.audit.SliceOptions;
import org.atelier.evaluation.fidelity.FidelityReport;
import org.atelier.evaluation.fidelity.ImageScores;
import org.atelier.evaluation.fidelity.Region;
import org.atelier.evaluation.fidelity.RegionScores;
import org.atelier.evaluation.report.HeadlessBrowser;
import org.atelier.evaluation.report.HtmlReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quality sections: findings in words, tables, charts with whiskers; data strings escaped; every image loads. */
class QualityReportTest {
    private static final String HOSTILE = "<script>alert('q')</script>";
    private static final List<String> SLICES = List.of(HOSTILE, "light", "medium");

    private static float[][] gaussian(int n, double shift, SplittableRandom rng) {
        float[][] x = new float[n][6];
        for (float[] row : x) {
            for (int j = 0; j < 6; j++) {
                row[j] = (float) (rng.nextGaussian() + (j == 0 ? shift : 0));
            }
        }
        return x;
    }

    private static SliceDistribution distribution() {
        SplittableRandom rng = new SplittableRandom(1);
        Map<String, float[][]> real = new LinkedHashMap<>();
        SLICES.forEach(s -> real.put(s, gaussian(60, 0, rng)));
        List<float[]> gen = new ArrayList<>();
        List<String> read = new ArrayList<>();
        int[] counts = {30, 30, 3};
        for (int k = 0; k < 3; k++) {
            for (float[] row : gaussian(counts[k], k == 0 ? 1.5 : 0, rng)) {
                gen.add(row);
                read.add(SLICES.get(k));
            }
        }
        return SliceDistribution.of("skin_group", "test-extractor", gen.toArray(new float[0][]), read, real,
                gaussian(60, 0, rng), new SliceDistribution.Options(10, 10, 100, 20, 0.95, 2));
    }

    private static QualityPerSlice.Inpainted inpainted(Path dir) {
        SplittableRandom rng = new SplittableRandom(2);
        List<ImageScores> images = new ArrayList<>();
        List<Map<String, String>> attributes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double psnr = 18 + rng.nextGaussian() - (i % 3 == 0 ? 2 : 0);
            Map<Region, RegionScores> r = new EnumMap<>(Region.class);
            r.put(Region.HOLE, new RegionScores(psnr, 0.5 + 0.05 * rng.nextGaussian(), 0.1 + 0.01 * rng.nextGaussian(),
                    0.02, Double.NaN, 90));
            images.add(new ImageScores(String.format("%05d.png", i), 3, 0.09, r));
            attributes.add(Map.of("skin_group", SLICES.get(i % 3)));
        }
        FidelitySlices f = FidelitySlices.of(new FidelityReport(false, 2, "none", images, Map.of(), List.of()), attributes,
                List.of("skin_group"), SliceOptions.defaults(0).withMinSize(10));
        ImageFiles.writePng(Image.blank(3, 32, 96, 0.2f), dir.resolve("preview.png"));
        return new QualityPerSlice.Inpainted(new AuditConfig.Inpainting("ddpm-portraits", "portraits-32?n=<b>60</b>", 60,
                "thick", 25, 5, 2, 2, "The GAN has no <i>portraits</i> weights."), dir.resolve("weights.ckpt"), dir,
                "RePaint 25 steps", f, 0.09, 12.5);
    }

    @Test
    void qualitySectionsRenderEscapedWithEveryImage(@TempDir Path dir) throws Exception {
        Path fills = Files.createDirectories(dir.resolve("fills"));
        Path out = dir.resolve("report");
        SliceDistribution q = distribution();
        AuditConfig.Generator g = new AuditConfig.Generator("gan <em>skewed</em>", "runs/x", null, Map.of(), "", 500);
        AuditRun.GeneratorResult result = new AuditRun.GeneratorResult(g, dir, "dcgan", false, null, null, null, null,
                "portraits-32", q);
        QualityPerSlice.Inpainted in = inpainted(fills);

        HtmlReport report = new HtmlReport(out, "quality", new ProvenanceBuilder().seed(0).build());
        HtmlReport.Section findings = report.section("Findings", "");
        String said = QualityFindings.distribution(g.name(), q, "skin_group");
        String inSaid = QualityFindings.inpainting(in, "skin_group");
        findings.text(said).text(inSaid);
        report.result("quality_per_slice", QualityReport.distribution(report, List.of(result), "skin_group",
                AuditConfig.Quality.defaults()));
        report.result("inpainting_per_slice", QualityReport.inpainting(report, in, "skin_group"));
        Path page = report.write();

        assertTrue(said.contains("clearly further from real faces"), said);
        assertTrue(said.contains("Too few samples to estimate") && said.contains("medium (3)"), said);
        assertTrue(inSaid.contains("Significant differences") && inSaid.contains("PSNR on " + HOSTILE), inSaid);
        String html = Files.readString(page);
        assertFalse(html.contains("<script") || html.contains("<em>skewed") || html.contains("<b>60")
                || html.contains("<i>portraits"), "no markup from data reaches the page");
        assertTrue(html.contains("&lt;script&gt;alert"));
        assertTrue(html.contains("too small"));
        for (String png : List.of("quality-kid.png", "inpainting-psnr.png", "inpainting-ssim.png", "inpainting-l1.png",
                "inpainting-preview.png")) {
            assertTrue(Files.isRegularFile(out.resolve(png)), png);
        }
        assertTrue(Files.readString(out.resolve("results.json")).contains("\"worse_than_best\""));

        assumeTrue(HeadlessBrowser.available(), "chromium is not installed");
        HeadlessBrowser.Check check = HeadlessBrowser.check(page);
        assertEquals(5, check.images());
        assertEquals(List.of(), check.broken());
        Path shot = Path.of("target", "quality-report-test.png");
        Files.createDirectories(shot.getParent());
        HeadlessBrowser.screenshot(page, shot, 1100, 2400);
        assertTrue(Files.size(shot) > 0);
    }
}
