package org.atelier.experiments.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.atelier.core.errors.ConfigException;
import org.atelier.core.io.Json;
import org.atelier.datasets.ProjectRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo report through its Java API, on the embedded config with small overrides. */
class DemoReportTest {
    @TempDir
    Path dir;

    @Test
    void writesTheOverviewReportWithCountsThatMatchTheData() throws Exception {
        Path out = dir.resolve("demo");
        List<String> sections = new ArrayList<>();
        DemoConfig cfg = DemoConfig.embedded(List.of("out=" + out, "portraits.count=300", "masks.area_samples=50",
                "masks.kinds=[thick, center-box]", "gan.steps=4", "stylize.steps=3", "diffusion.model=no-such-model",
                "prompts.model=no-such-model"));
        assertEquals(out.resolve("index.html"), DemoReport.write(cfg, cfg.outDir(), false, sections::add));
        assertEquals(8, sections.size(), "every section announced: " + sections);
        assertTrue(sections.get(0).startsWith("[1/8] Fashion-MNIST") && sections.get(3).contains("DCGAN"), sections.toString());
        String html = Files.readString(out.resolve("index.html"));
        for (String part : new String[] {"fashion-by-class.png", "fashion-counts.svg", "portraits-by-skin_group.png",
            "portraits-counts-age.svg", "masks-thick.png", "mask-area-bins.png", "samples.png", "gan-losses.svg",
            "stylize.png"}) {
            assertTrue(html.contains(part), "page shows " + part);
            assertTrue(Files.exists(out.resolve(part)), part + " written");
        }
        JsonNode results = Json.mapper().readTree(out.resolve("results.json").toFile()).get("results");
        assertEquals(1000, results.at("/fashion_mnist/counts/Bag").asInt());
        assertEquals(300, results.at("/portraits/n").asInt());
        int light = results.at("/portraits/attributes/skin_group/light/count").asInt();
        assertTrue(light > 200 && light < 270, "80% configured share of 300, got " + light);
        assertEquals(0.25, results.at("/masks/kinds/center-box/mean").asDouble(), 1e-9);
        assertTrue(results.at("/masks/kinds/thick/max").asDouble() <= 0.5);
        assertEquals(4, results.at("/gan/steps").asInt());
        assertTrue(Files.exists(out.resolve("gan-run/metrics.jsonl")), "the demo's run folder is kept");
        assertEquals(3, results.at("/stylize/steps").asInt());
        assertTrue(Files.exists(out.resolve("stylize-runs/demo-stylize/metrics.jsonl")), "the stylisation ran by the loop");
        assertEquals("missing", results.at("/diffusion/status").asText(), "no weights: the section says so, no crash");
        assertTrue(html.contains("atelier export runs/ddpm-cond-fashion"), "and names the commands that make them");
        assertEquals("missing", results.at("/prompts/status").asText());
        DemoConfig off = DemoConfig.embedded(List.of("out=" + dir.resolve("off"), "portraits.count=100",
                "masks.area_samples=20", "masks.kinds=[thick]", "gan.steps=0", "stylize.steps=0", "diffusion.enabled=false",
                "prompts.enabled=false"));
        DemoReport.write(off, off.outDir(), false, section -> { });
        JsonNode offResults = Json.mapper().readTree(dir.resolve("off/results.json").toFile()).get("results");
        assertTrue(offResults.path("diffusion").isMissingNode() && offResults.path("gan").isMissingNode()
                && offResults.path("prompts").isMissingNode(),
                offResults.toString());
    }

    @Test
    void aBadOverrideKeyNamesTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> DemoConfig.embedded(List.of("portraits.cout=300")));
        assertTrue(e.getMessage().contains("portraits.cout") && e.getMessage().contains("count"), e.getMessage());
        ConfigException range = assertThrows(ConfigException.class, () -> DemoConfig.embedded(List.of("masks.size=2")));
        assertTrue(range.getMessage().contains("masks") && range.getMessage().contains("8..512"), range.getMessage());
    }

    @Test
    void theConfigsFolderCopyEqualsTheEmbeddedDefault() throws Exception {
        try (InputStream in = DemoConfig.class.getResourceAsStream("demo.yaml")) {
            String embedded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(embedded, Files.readString(ProjectRoot.path().resolve("configs/demo.yaml")));
        }
    }
}
