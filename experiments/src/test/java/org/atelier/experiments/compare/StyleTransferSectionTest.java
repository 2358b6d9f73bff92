package org.atelier.experiments.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.core.errors.InvalidSettingException;
import org.atelier.core.io.Json;
import org.atelier.core.provenance.ProvenanceBuilder;
import org.atelier.datasets.ProjectRoot;
import org.atelier.evaluation.report.HeadlessBrowser;
import org.atelier.evaluation.report.HtmlReport;
import org.atelier.training.Runs;
import org.atelier.training.StopSignal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The style-transfer section on 2 contents × 2 styles at 32 px: Gatys (20 steps), a fast model
 * trained for 3 steps on one of the styles, the content unchanged, and a fast model that is not there.
 */
class StyleTransferSectionTest {
    private static final String STARRY = "datasets/images/style-starry-night.jpg";

    @TempDir
    static Path tmp;
    static JsonNode results;
    static Map<String, String> missing = new LinkedHashMap<>();
    static Path page;

    static CompareConfig.StyleTransfer config(String judge, Path fast) {
        return new CompareConfig.StyleTransfer(
                List.of("datasets/images/content-chelsea.jpg", "datasets/images/content-coffee.jpg"),
                List.of(STARRY, "datasets/images/style-the-scream.jpg"), 32, judge, 200, List.of(
                new CompareConfig.StyleMethod("Gatys", "gatys", "random", 20, null, null),
                new CompareConfig.StyleMethod("Fast", "fast", null, null, null, fast.toString()),
                new CompareConfig.StyleMethod("Unchanged", "identity", null, null, null, null),
                new CompareConfig.StyleMethod("Fast, absent", "fast", null, null, null,
                        tmp.resolve("no-such-run").toString())));
    }

    @BeforeAll
    static void compare() throws Exception {
        Path cfg = tmp.resolve("tiny-fast.yaml");
        Files.writeString(cfg, String.join("\n", "name: tiny-fast", "seed: 4",
                "data: {dataset: content-crops, crops: {size: 16, count: 8, seed: 1}}",
                "model: {family: fast-nst, styles: [" + STARRY + "], style_size: 32,",
                "        content_layer: relu2_1, style_layers: {relu1_1: 1, relu2_1: 1}, width: 4, res_blocks: 1}",
                "trainer: {steps: 3, batch_size: 2, optimizer: {kind: adam, lr: 0.002}, checkpoint_every: 3,",
                "          log_every: 1, sample_every: 3, sample_count: 2}", ""));
        Runs.train(new Runs.Request(cfg, List.of(), Optional.empty(), Optional.empty(), tmp.resolve("runs"),
                new StopSignal(), false, List.of()));
        Path dir = tmp.resolve("report");
        HtmlReport report = new HtmlReport(dir, "test", new ProvenanceBuilder().seed(0).build());
        StyleTransferSection.write(report, config("random:1", tmp.resolve("runs/tiny-fast")), 3,
                dir.resolve("style-transfer"), missing::put, line -> { });
        page = report.write();
        results = Json.mapper().readTree(dir.resolve("results.json").toFile()).path("results").path("style_transfer");
    }

    private static JsonNode method(String label) {
        for (JsonNode m : results.path("methods")) {
            if (m.path("label").asText().equals(label)) {
                return m;
            }
        }
        throw new AssertionError("no method " + label + " in " + results);
    }

    @Test
    void theContentUnchangedKeepsAllContentAndIsFurtherFromTheStyleThanGatys() {
        JsonNode unchanged = method("Unchanged");
        JsonNode gatys = method("Gatys");
        assertEquals(4, unchanged.path("n").asInt());
        for (JsonNode p : unchanged.path("per_pair")) {
            assertEquals(0.0, p.path("perceptual").asDouble(), 1e-12);
            assertEquals(1.0, p.path("ssim").asDouble(), 1e-12);
        }
        for (int i = 0; i < 4; i++) {
            JsonNode g = gatys.path("per_pair").get(i);
            JsonNode u = unchanged.path("per_pair").get(i);
            assertEquals(u.path("content").asText() + u.path("style").asText(),
                    g.path("content").asText() + g.path("style").asText());
            assertTrue(g.path("style_distance").asDouble() < u.path("style_distance").asDouble(),
                    "the optimiser moves every pair towards its style under the judge: " + g + " vs " + u);
            assertTrue(g.path("ssim").asDouble() < 1 && g.path("perceptual").asDouble() > 0);
        }
        JsonNode sd = gatys.path("style_distance");
        assertTrue(sd.at("/ci95/0").asDouble() <= sd.path("mean").asDouble()
                && sd.path("mean").asDouble() <= sd.at("/ci95/1").asDouble(), sd.toString());
    }

    @Test
    void aFastModelIsScoredOnItsOwnStyleOnlyAndAnAbsentOneIsListed() {
        JsonNode fast = method("Fast");
        assertEquals(2, fast.path("n").asInt());
        for (JsonNode p : fast.path("per_pair")) {
            assertEquals("style-starry-night", p.path("style").asText());
            assertTrue(p.path("seconds").asDouble() > 0);
        }
        assertTrue(missing.get("Fast, absent").contains("no-such-run"), missing.toString());
        assertEquals(3, results.path("methods").size());
    }

    @Test
    void everyMethodIsTestedAgainstTheBaselineAsOneHolmFamily() {
        JsonNode tests = results.path("tests");
        assertEquals(2 * 3, tests.size(), "fast and unchanged against Gatys on three metrics");
        for (JsonNode t : tests) {
            double p = t.path("p_paired_t").asDouble(Double.NaN);
            double holm = t.path("p_holm").asDouble(Double.NaN);
            assertTrue(Double.isNaN(p) || holm >= p - 1e-12, "Holm never lowers a p-value: " + t);
        }
        assertEquals("random-ms-v1:seed=1", results.path("judge").asText());
    }

    @Test
    void aJudgeThatAMethodOptimisedAgainstIsRefused() {
        HtmlReport report = new HtmlReport(tmp.resolve("refused"), "test", new ProvenanceBuilder().seed(0).build());
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> StyleTransferSection.write(report,
                config("random:0", tmp.resolve("runs/tiny-fast")), 3, tmp.resolve("refused"), (a, b) -> { },
                line -> { }));
        assertTrue(e.getMessage().contains("style_transfer.judge") && e.getMessage().contains("Gatys"),
                e.getMessage());
    }

    @Test
    void thePageShowsTheChartsAndOneStripPerPairInABrowser() throws Exception {
        String html = Files.readString(page);
        for (String f : List.of("style-style-distance.png", "style-perceptual.png", "style-ssim.png",
                "style-content-chelsea-style-starry-night.png", "style-content-coffee-style-the-scream.png")) {
            assertTrue(html.contains(f), f);
            assertTrue(Files.exists(page.getParent().resolve(f)), f);
        }
        assertTrue(html.contains("only 4 pairs"), "the small-N warning is on the page");
        if (HeadlessBrowser.available()) {
            HeadlessBrowser.Check check = HeadlessBrowser.check(page);
            assertTrue(check.ok(), "images that do not load: " + check.broken());
            assertTrue(check.images() >= 7);
        }
    }

    @Test
    void quickKeepsTheFirstImagesAtASmallSizeWithFewerSteps() {
        CompareConfig full = CompareConfig.load(ProjectRoot.path().resolve("configs/compare-fashion.yaml"), List.of());
        CompareConfig.StyleTransfer q = full.quickened().styleTransfer();
        assertEquals(full.styleTransfer().contents().subList(0, 2), q.contents());
        assertEquals(full.styleTransfer().styles().subList(0, 2), q.styles());
        assertEquals(64, q.size());
        assertEquals(30, q.methods().get(0).steps());
        assertEquals("gatys", q.methods().get(0).kind());
    }
}
