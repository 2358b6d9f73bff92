package org.atelier.experiments.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.atelier.training.TinyRuns;

import org.atelier.core.errors.ConfigException;
import org.atelier.core.image.ImageFiles;
import org.atelier.core.io.Json;
import org.atelier.core.provenance.ProvenanceBuilder;
import org.atelier.evaluation.report.HtmlReport;
import org.atelier.training.publish.ModelExport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's prompt section on a tiny exported portraits model, without weights, and with a bad prompt. */
class DemoPromptSectionTest {
    @TempDir
    static Path tmp;
    static Path published;

    @BeforeAll
    static void trainAndExport() throws Exception {
        Path run = TinyRuns.portraitDdpm(tmp);
        published = tmp.resolve("pub");
        ModelExport.export(run, published, false);
    }

    static DemoConfig.Prompts prompts(String model, String... texts) {
        return new DemoConfig.Prompts(true, model, List.of(texts), 3, "ddpm", 2, 3.0);
    }

    static JsonNode render(Path dir, DemoConfig.Prompts cfg) throws Exception {
        HtmlReport report = new HtmlReport(dir, "test", new ProvenanceBuilder().seed(0).build());
        new DemoPromptSection(cfg, 0).write(report);
        report.write();
        return Json.mapper().readTree(dir.resolve("results.json").toFile()).at("/results/prompts");
    }

    @Test
    void oneRowPerPromptEachReadBack() throws Exception {
        Path dir = tmp.resolve("report");
        JsonNode r = render(dir, prompts(published.toString(), "old person with glasses", "dark skin, smiling"));
        assertEquals("sampled", r.path("status").asText());
        assertEquals(2, r.path("prompts").size());
        JsonNode first = r.at("/prompts/0");
        assertEquals("age=old, glasses=yes", first.path("condition").asText());
        assertEquals(3, first.path("n").asInt());
        assertEquals("old", first.at("/attributes/age/asked").asText());
        int readAsOld = first.at("/attributes/age/read_as_asked").asInt();
        assertTrue(readAsOld >= 0 && readAsOld <= 3 && first.path("all_asked").asInt() <= readAsOld, first.toString());
        assertEquals("skin_group=dark, expression=smile", r.at("/prompts/1/condition").asText());
        // three 32 px samples per row at 2x, 2 px apart
        assertEquals(2 + 3 * 66, ImageFiles.read(dir.resolve("diffusion-prompts.png")).width());
        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("old person with glasses") && html.contains("read as asked"), "the table names the prompts");
    }

    @Test
    void aWordOutsideTheVocabularyNamesTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> render(tmp.resolve("bad"), prompts(published.toString(), "old person", "person in a hat")));
        assertTrue(e.getMessage().contains("prompts.prompts[1]") && e.getMessage().contains("hat"), e.getMessage());
    }

    @Test
    void aModelThatIsNotAPortraitsModelIsRefused() throws Exception {
        Path fashion = TinyRuns.ddpm(Files.createDirectories(tmp.resolve("fashion-run")));
        ConfigException e = assertThrows(ConfigException.class,
                () -> render(tmp.resolve("fashion"), prompts(fashion.toString(), "ankle boot")));
        assertTrue(e.getMessage().contains("prompts.model"), e.getMessage());
    }

    @Test
    void missingWeightsGiveASectionThatNamesTheCommands() throws Exception {
        Path dir = tmp.resolve("missing");
        JsonNode r = render(dir, prompts("no-such-model", "old"));
        assertEquals("missing", r.path("status").asText());
        assertTrue(r.path("reason").asText().contains("no-such-model"), r.toString());
        assertTrue(Files.readString(dir.resolve("index.html")).contains("./atelier train configs/ddpm-portraits.yaml"));
        assertFalse(Files.exists(dir.resolve("diffusion-prompts.png")));
    }

    @Test
    void zeroStepsOrDisabledLeavesTheSectionOut() {
        assertTrue(prompts("m", "old").on());
        assertFalse(new DemoConfig.Prompts(false, "m", List.of("old"), 1, "ddim", 5, 3.0).on());
        assertFalse(new DemoConfig.Prompts(null, "m", List.of("old"), 1, "ddim", 0, 3.0).on());
        assertThrows(IllegalArgumentException.class, () -> new DemoConfig.Prompts(null, "m", List.of(), 1, "ddim", 5, 3.0));
        assertThrows(IllegalArgumentException.class,
                () -> new DemoConfig.Prompts(null, "m", List.of("old"), 1, "plms", 5, 3.0));
    }
}
