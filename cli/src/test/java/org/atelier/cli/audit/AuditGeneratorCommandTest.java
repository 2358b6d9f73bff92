package org.atelier.cli.audit;

import static org.atelier.cli.MainTestAccess.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.cli.MainTestAccess;
import org.atelier.core.io.Json;
import org.atelier.datasets.ProjectRoot;
import org.atelier.evaluation.report.HeadlessBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit generator} on an unconditional GAN's run folder: one-pass samples, its own training set, quality per slice. */
class AuditGeneratorCommandTest {
    @Test
    void anUnconditionalDcganRunIsAudited(@TempDir Path tmp) throws Exception {
        Path runs = tmp.resolve("runs");
        ok("train", ProjectRoot.path().resolve("configs/dcgan-portraits.yaml").toString(), "--set", "trainer.steps=2",
                "--set", "trainer.batch_size=4", "--set", "data.portraits.count=60", "--set", "trainer.sample_count=4",
                "--runs", runs.toString(), "--no-progress");
        Path out = tmp.resolve("report");
        MainTestAccess.Result r = ok("audit", "generator", "--model", runs.resolve("dcgan-portraits").toString(), "--n",
                "40", "--labelled", "portraits-32?n=60&seed=11", "--train", "30", "--held-out", "30", "--bootstrap", "100",
                "--out", out.toString());
        assertTrue(r.out().contains("amplification factor") && r.out().contains("quality per slice"), r.out());
        JsonNode results = Json.mapper().readTree(Files.readString(out.resolve("results.json"))).get("results");
        JsonNode g = results.get("generators").elements().next();
        assertEquals("dcgan", g.get("family").asText());
        assertEquals("one pass", g.get("sampler").asText());
        assertEquals(40, g.get("samples").asInt());
        assertTrue(g.get("training_set").asText().startsWith("portraits-32"), "its own config's data: " + g);
        JsonNode q = results.get("quality_per_slice").elements().next();
        assertEquals(3, q.get("slices").size());
        for (JsonNode s : q.get("slices")) {
            assertTrue(s.has("kid") && s.has("fid") && s.has("n_generated") && s.get("n_real").asInt() <= 60, s.toString());
        }
        if (HeadlessBrowser.available()) {
            HeadlessBrowser.Check check = HeadlessBrowser.check(out.resolve("index.html"));
            assertEquals(java.util.List.of(), check.broken());
        }
    }
}
