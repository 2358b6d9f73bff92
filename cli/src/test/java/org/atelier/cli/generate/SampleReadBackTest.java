package org.atelier.cli.generate;

import static org.atelier.cli.MainTestAccess.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atelier.cli.MainTestAccess;
import org.atelier.training.TinyRuns;
import org.atelier.core.image.Image;
import org.atelier.datasets.ProjectRoot;
import org.atelier.datasets.Sample;
import org.atelier.datasets.portraits.PortraitSpec;
import org.atelier.datasets.portraits.SyntheticPortraits;
import org.atelier.models.diffusion.ConditionSlot;
import org.atelier.models.diffusion.ConditionSpace;
import org.atelier.models.features.PortraitsV1;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sample --read-back}: a prompted draw of a portraits model, and a portraits GAN read on every attribute. */
class SampleReadBackTest {
    @Test
    void sampleReadsAPromptedDrawBack(@TempDir Path tmp) throws Exception {
        Path run = TinyRuns.portraitDdpm(tmp);
        MainTestAccess.Result r = ok("sample", run.toString(), "--n", "3", "--steps", "2", "--prompt",
                "old person with glasses", "--read-back", "--out", tmp.resolve("g.png").toString());
        assertTrue(r.out().contains("read back by portraits-v1") && r.out().contains("asked old")
                && r.out().contains("asked yes") && r.out().contains("every asked value at once"), r.out());
        MainTestAccess.Result open = ok("sample", run.toString(), "--n", "2", "--steps", "2", "--read-back", "--out",
                tmp.resolve("o.png").toString());
        assertTrue(open.out().contains("skin_group") && open.out().contains("open:"), open.out());
        assertFalse(open.out().contains("every asked value"), "nothing asked, nothing to match");
    }

    @Test
    void aPortraitsGanIsReadOnEveryAttribute(@TempDir Path tmp) throws Exception {
        Path runs = tmp.resolve("runs");
        ok("train", ProjectRoot.path().resolve("configs/dcgan-portraits.yaml").toString(), "--set", "trainer.steps=1",
                "--set", "trainer.batch_size=4", "--set", "data.portraits.count=16", "--set", "trainer.sample_count=4",
                "--runs", runs.toString(), "--no-progress");
        MainTestAccess.Result r = ok("sample", runs.resolve("dcgan-portraits").toString(), "--n", "4", "--read-back",
                "--out", tmp.resolve("g.png").toString());
        for (String attribute : List.of("skin_tone", "skin_group", "age", "glasses", "background")) {
            assertTrue(r.out().matches("(?s).*  " + attribute + " +open: .*"), attribute + ": " + r.out());
        }
        // every attribute read is set against the shares of the 16 portraits the GAN was trained on
        assertTrue(r.out().contains("skin_group against the training set (portraits-32") && r.out().contains("amplification"),
                r.out());
        com.fasterxml.jackson.databind.JsonNode j = org.atelier.core.io.Json.mapper().readTree(ok("sample",
                runs.resolve("dcgan-portraits").toString(), "--n", "4", "--read-back", "--json", "--out",
                tmp.resolve("g.png").toString()).out());
        com.fasterxml.jackson.databind.JsonNode values = j.at("/read_back_vs_training/attributes/skin_group/values");
        double training = 0;
        int read = 0;
        for (com.fasterxml.jackson.databind.JsonNode v : values) {
            training += v.get("training_share").asDouble();
            read += v.get("count").asInt();
            assertTrue(v.has("ci95") && v.has("amplification") && v.has("amplification_ci95"), v.toString());
        }
        assertEquals(1.0, training, 1e-9, "the training shares of every value sum to 1");
        assertEquals(4, read);
    }

    /**
     * A published class-conditional Fashion-MNIST model: its samples are read back against the class
     * each was drawn under, and the same PNGs read back from the folder give the same count.
     */
    @Test
    void aFashionClassModelIsReadAgainstTheAskedClassAndItsFolderAgrees(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("samples");
        com.fasterxml.jackson.databind.JsonNode drawn = org.atelier.core.io.Json.mapper().readTree(ok("sample",
                "ddpm-cond-fashion", "--n", "20", "--steps", "20", "--seed", "3", "--read-back", "--json",
                "--no-progress", "--out-dir", dir.toString()).out());
        com.fasterxml.jackson.databind.JsonNode overall = drawn.at("/class_read_back/overall");
        assertEquals(10, drawn.at("/class_read_back/per_class").size(), "two of each class, in turn");
        assertTrue(overall.get("count").asInt() >= 16, "a trained model at guidance 3 draws its classes: " + overall);
        com.fasterxml.jackson.databind.JsonNode folder = org.atelier.core.io.Json.mapper().readTree(ok("metrics",
                "class-readback", "--generated", dir.toString(), "--json").out());
        assertEquals(overall.get("count").asInt(), folder.at("/overall/count").asInt(), folder.toString());
        MainTestAccess.fails("no image files", "metrics", "class-readback", "--generated", tmp.toString());
        MainTestAccess.fails("needs --class", "sample", "cgan-fashion", "--n", "2", "--read-back", "--out",
                tmp.resolve("g.png").toString());
    }
}
