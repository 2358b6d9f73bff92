package org.atelier.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.cli.MainTestAccess;
import org.atelier.core.io.Json;
import org.atelier.datasets.ProjectRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheOverviewReportWithCountsThatMatchTheData() throws Exception {
        Path out = dir.resolve("demo");
        MainTestAccess.Result r = MainTestAccess.run("demo", "--set", "out=" + out, "--set", "portraits.count=300",
                "--set", "masks.area_samples=50", "--set", "masks.kinds=[thick, center-box]", "--set", "gan.steps=4",
                "--set", "stylize.steps=3", "--set", "diffusion.model=no-such-model", "--set",
                "prompts.model=no-such-model");
        assertEquals(0, r.code(), r.err());
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
        MainTestAccess.Result off = MainTestAccess.run("demo", "--set", "out=" + dir.resolve("off"), "--set",
                "portraits.count=100", "--set", "masks.area_samples=20", "--set", "masks.kinds=[thick]", "--set",
                "gan.steps=0", "--set", "stylize.steps=0", "--set", "diffusion.enabled=false", "--set",
                "prompts.enabled=false");
        assertEquals(0, off.code(), off.err());
        JsonNode offResults = Json.mapper().readTree(dir.resolve("off/results.json").toFile()).get("results");
        assertTrue(offResults.path("diffusion").isMissingNode() && offResults.path("gan").isMissingNode()
                && offResults.path("prompts").isMissingNode(),
                offResults.toString());
    }

    @Test
    void aBadOverrideKeyIsOneLineNamingTheKey() {
        MainTestAccess.Result r = MainTestAccess.run("demo", "--set", "portraits.cout=300");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("portraits.cout") && r.err().contains("count"), r.err());
        MainTestAccess.Result range = MainTestAccess.run("demo", "--set", "masks.size=2");
        assertEquals(2, range.code());
        assertTrue(range.err().contains("masks") && range.err().contains("8..512"), range.err());
    }

    @Test
    void theConfigsFolderCopyEqualsTheEmbeddedDefault() throws Exception {
        try (InputStream in = DemoCommand.class.getResourceAsStream("demo.yaml")) {
            String embedded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(embedded, Files.readString(ProjectRoot.path().resolve("configs/demo.yaml")));
        }
    }
}
