package org.atelier.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.atelier.core.io.Json;
import org.atelier.core.provenance.ProvenanceBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @TempDir
    Path dir;

    @Test
    void writesPageChartsInBothFormatsResultsAndProvenance() throws Exception {
        HtmlReport report = new HtmlReport(dir, "Test <report>",
                new ProvenanceBuilder().seed(7).dataset("toy", "abc123").configHash("cafe").build());
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("light", 80);
        counts.put("dark", 20);
        report.section("Counts & shares", "Per-slice counts.")
                .chart("counts", "Samples per skin group", Charts.bars("Counts", "samples", Map.of("n", counts)), 500, 300)
                .table(List.of("slice", "n"), List.of(List.of("light", "80"), List.of("dark", "20")))
                .figure("grid", "a figure", new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB));
        report.result("counts", counts);
        Path page = report.write();

        String html = Files.readString(page);
        assertTrue(html.contains("Test &lt;report&gt;"), "titles are escaped");
        assertTrue(html.contains("Counts &amp; shares"));
        assertTrue(html.contains("counts.png") && html.contains("counts.svg") && html.contains("grid.png"));
        assertTrue(html.contains("abc123"), "dataset hash in the provenance table");
        assertTrue(html.contains("<div class=\"tw\"><table><tr><th>slice</th>"), "a wide table scrolls in its own box");
        BufferedImage png = ImageIO.read(dir.resolve("counts.png").toFile());
        assertEquals(500, png.getWidth());
        String svg = Files.readString(dir.resolve("counts.svg"));
        assertTrue(svg.startsWith("<svg") || svg.startsWith("<?xml"), svg.substring(0, 40));
        assertTrue(svg.contains("Samples per skin group") || svg.contains("Counts"));
        JsonNode results = Json.mapper().readTree(dir.resolve("results.json").toFile());
        assertEquals(20, results.at("/results/counts/dark").asInt());
        assertEquals(7, results.at("/provenance/seed").asInt());
        assertTrue(Files.exists(dir.resolve("provenance.json")));
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp files left");
        }
    }
}
