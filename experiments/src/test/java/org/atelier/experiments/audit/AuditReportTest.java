package org.atelier.experiments.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.atelier.core.image.Image;
import org.atelier.core.provenance.ProvenanceBuilder;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Sample;
import org.atelier.evaluation.audit.DatasetAudit;
import org.atelier.evaluation.report.HeadlessBrowser;
import org.atelier.evaluation.report.HtmlReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit report's data strings are escaped, and the page loads with every image. */
class AuditReportTest {
    private static final String HOSTILE = "<script>alert('slice')</script>";

    /** Twelve samples whose slice column holds markup, an ampersand and a plain value. */
    private static ImageDataset hostile() {
        List<String> values = List.of(HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE, "b&q", "b&q", "b&q", "plain", "plain",
                "plain", "plain");
        return new ImageDataset() {
            @Override
            public String id() {
                return "manifest:<b>bold</b>.csv";
            }

            @Override
            public String contentHash() {
                return "0".repeat(64);
            }

            @Override
            public int size() {
                return values.size();
            }

            @Override
            public int channels() {
                return 3;
            }

            @Override
            public int height() {
                return 4;
            }

            @Override
            public int width() {
                return 4;
            }

            @Override
            public Sample get(int index) {
                return new Sample(Image.blank(3, 4, 4, 0f), Sample.NO_LABEL, attributesOf(index));
            }

            @Override
            public Map<String, String> attributesOf(int index) {
                return Map.of("group", values.get(index));
            }

            @Override
            public List<String> classNames() {
                return List.of();
            }

            @Override
            public List<String> attributeNames() {
                return List.of("group");
            }
        };
    }

    @Test
    void sliceNamesFromDataAreEscapedAndThePageLoads(@TempDir Path dir) throws Exception {
        DatasetAudit audit = DatasetAudit.of(hostile(), List.of("group"), null, 0.95);
        assertEquals(5, audit.shares().rows().get(HOSTILE).count());
        HtmlReport report = new HtmlReport(dir, "audit of " + HOSTILE, new ProvenanceBuilder().seed(0).build());
        HtmlReport.Section findings = report.section("Findings", "");
        AuditFindings.dataset(audit, "group").forEach(findings::text);
        TrainingSetSection.write(report, "Training set: " + audit.dataset(), audit, "group", true);
        Path page = report.write();

        String html = Files.readString(page);
        assertFalse(html.contains("<script"), "no markup from data reaches the page");
        assertFalse(html.contains("<b>bold"), "dataset ids are escaped too");
        assertTrue(html.contains("&lt;script&gt;alert"), "the slice name is shown, escaped");
        assertTrue(html.contains("b&amp;q"));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path svg : files.filter(f -> f.toString().endsWith(".svg")).toList()) {
                assertFalse(Files.readString(svg).contains("<script"), svg + " carries markup from data");
            }
        }
        assertTrue(Files.isRegularFile(dir.resolve("shares-group.png")));
        assertTrue(Files.readString(dir.resolve("results.json")).contains("alert"), "results.json keeps the raw name");

        // CI installs chromium (.ci/run); a developer machine without it skips, saying why
        assumeTrue(HeadlessBrowser.available(), "chromium is not installed");
        HeadlessBrowser.Check check = HeadlessBrowser.check(page);
        assertEquals(1, check.images());
        assertEquals(List.of(), check.broken());
        Path shot = Path.of("target", "audit-report-test.png");
        Files.createDirectories(shot.getParent());
        HeadlessBrowser.screenshot(page, shot, 1100, 1400);
        assertTrue(Files.size(shot) > 0);
    }
}
