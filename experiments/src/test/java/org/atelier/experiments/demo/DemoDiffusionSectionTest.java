package org.atelier.experiments.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.atelier.training.TinyRuns;
import org.atelier.core.image.ImageFiles;
import org.atelier.core.io.Json;
import org.atelier.core.provenance.ProvenanceBuilder;
import org.atelier.evaluation.report.HtmlReport;
import org.atelier.training.Runs;
import org.atelier.training.StopSignal;
import org.atelier.training.publish.ModelExport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's diffusion section on a tiny exported model, without weights, and with --train. */
class DemoDiffusionSectionTest {
    @TempDir
    static Path tmp;
    static Path config;
    static Path published;

    @BeforeAll
    static void trainAndExport() throws Exception {
        config = TinyRuns.ddpmConfig(tmp);
        Runs.train(new Runs.Request(config, List.of(), Optional.empty(), Optional.empty(), tmp.resolve("runs"),
                new StopSignal(), false, List.of()));
        published = tmp.resolve("pub");
        ModelExport.export(tmp.resolve("runs/tiny-ddpm"), published, false);
    }

    /** The embedded defaults but for a tiny model and few steps. */
    static DemoConfig.Diffusion small(String model, String runConfig, long trainSteps) {
        return new DemoConfig.Diffusion(true, model, runConfig, trainSteps, 1, 2, 3.0,
                new DemoConfig.Inpaint(3, "thick", 2, 1, 2), new DemoConfig.Outpaint(6, 0, 0, 4));
    }

    static JsonNode render(Path dir, DemoConfig.Diffusion cfg, boolean train) throws Exception {
        HtmlReport report = new HtmlReport(dir, "test", new ProvenanceBuilder().seed(0).build());
        new DemoDiffusionSection(cfg, 0, dir, train).write(report);
        report.write();
        return Json.mapper().readTree(dir.resolve("results.json").toFile()).at("/results/diffusion");
    }

    @Test
    void samplesInpaintsAndOutpaintsWithAnExportedModel() throws Exception {
        Path dir = tmp.resolve("report");
        JsonNode r = render(dir, small(published.toString(), "configs/ddpm-cond-fashion.yaml", 0), false);
        assertEquals("sampled", r.path("status").asText());
        assertEquals(2, r.path("training_steps").asInt());
        assertEquals(64, r.path("weights_sha256").asText().length());
        assertEquals(10, r.at("/grid/n").asInt(), "one per class");
        assertEquals(2, r.at("/grid/steps").asInt());
        assertEquals(3, r.at("/inpaint/n").asInt());
        assertEquals(3, r.at("/inpaint/network_calls").asInt(), "2 steps down, then 1 again after the jump back at level 2");
        assertEquals(34, r.at("/outpaint/width").asInt());
        assertEquals(32, r.at("/outpaint/height").asInt());
        assertTrue(r.path("total_s").asDouble() > 0);
        assertEquals(10 * 56 + 11 * 2, ImageFiles.read(dir.resolve("diffusion-grid.png")).width());
        assertTrue(Files.exists(dir.resolve("diffusion-inpaint.png")) && Files.exists(dir.resolve("diffusion-outpaint.png")));
        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("diffusion-grid.png") && html.contains("2 steps, jumps of 1 passed 2 times = 3 network calls"),
                "the caption names the RePaint schedule");
    }

    @Test
    void missingWeightsGiveASectionThatNamesTheCommands() throws Exception {
        Path dir = tmp.resolve("missing");
        JsonNode r = render(dir, small("no-such-model", "configs/ddpm-cond-fashion.yaml", 0), false);
        assertEquals("missing", r.path("status").asText());
        assertTrue(r.path("reason").asText().contains("no-such-model"), r.toString());
        assertEquals("./atelier train configs/ddpm-cond-fashion.yaml", r.at("/make_with/0").asText());
        assertEquals("./atelier export runs/ddpm-cond-fashion --out weights/ddpm-cond-fashion", r.at("/make_with/1").asText());
        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("./atelier demo --train"), "the page names the commands");
        assertFalse(Files.exists(dir.resolve("diffusion-grid.png")));
    }

    @Test
    void damagedWeightsAreReportedInTheSectionNotAsACrash() throws Exception {
        Path copy = tmp.resolve("pub-damaged");
        ModelExport.export(tmp.resolve("runs/tiny-ddpm"), copy, false);
        Files.writeString(copy.resolve("config.yaml"), "# edited\n", java.nio.file.StandardOpenOption.APPEND);
        JsonNode r = render(tmp.resolve("damaged"), small(copy.toString(), "configs/ddpm-cond-fashion.yaml", 0), false);
        assertEquals("damaged", r.path("status").asText());
        assertTrue(r.path("reason").asText().contains(copy.resolve("config.yaml").toString()), r.toString());
    }

    @Test
    void trainRetrainsFromScratchAndSamplesThatModel() throws Exception {
        Path dir = tmp.resolve("trained");
        JsonNode r = render(dir, small("no-such-model", config.toString(), 3), true);
        assertEquals("trained", r.path("status").asText());
        assertEquals(3, r.path("training_steps").asInt(), "train_steps overrides the config's 2");
        assertTrue(Files.exists(dir.resolve("diffusion-run/checkpoints/step-00000003.ckpt")));
        assertTrue(Files.exists(dir.resolve("diffusion-model/model-card.json")), "exported beside the report");
        assertEquals(10, r.at("/grid/n").asInt());
    }

    @Test
    void zeroStepsOrDisabledLeavesTheSectionOut() {
        assertTrue(small("m", "c", 0).on());
        assertFalse(new DemoConfig.Diffusion(false, "m", "c", 0, 1, 2, 3.0, new DemoConfig.Inpaint(1, "thick", 1, 1, 1),
                new DemoConfig.Outpaint(1, 0, 0, 0)).on());
        assertFalse(new DemoConfig.Diffusion(null, "m", "c", 0, 1, 0, 3.0, new DemoConfig.Inpaint(1, "thick", 1, 1, 1),
                new DemoConfig.Outpaint(1, 0, 0, 0)).on());
        assertTrue(new DemoConfig.Diffusion(null, "m", "c", 0, 1, 5, 3.0, new DemoConfig.Inpaint(1, "thick", 1, 1, 1),
                new DemoConfig.Outpaint(1, 0, 0, 0)).on(), "enabled defaults to true");
    }
}
