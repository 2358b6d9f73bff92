package org.atelier.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.atelier.core.config.ConfigLoader;
import org.atelier.core.errors.ConfigException;
import org.atelier.core.image.Image;
import org.atelier.datasets.Sample;
import org.atelier.models.Stylizer;
import org.atelier.models.nst.ContentCrops;
import org.atelier.models.nst.CropSpec;
import org.atelier.models.nst.FastNstConfig;
import org.atelier.training.config.RunConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast style-transfer family through configs, the loop and loading for inference, tiny sizes. */
class FastNstRunTest {
    @Test
    void shippedConfigsBind() {
        for (String name : List.of("fast-nst-starry", "fast-nst-scream")) {
            RunConfig c = ConfigLoader.load(ConfigsTest.CONFIGS.resolve(name + ".yaml"), RunConfig.class, List.of());
            assertEquals(name, c.name());
            FastNstConfig m = (FastNstConfig) c.model();
            assertEquals("fast-nst", m.familyId());
            assertEquals(1, m.styles().size());
            assertEquals("content-crops", c.data().dataset());
        }
        Path f = ConfigsTest.CONFIGS.resolve("fast-nst-starry.yaml");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(f, RunConfig.class, List.of("model.widht=8")));
        assertTrue(e.getMessage().contains("model.widht") && e.getMessage().contains("unknown key"), e.getMessage());
        ConfigException e2 = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(f, RunConfig.class, List.of("model.family=fast-nts")));
        assertTrue(e2.getMessage().contains("model.family") && e2.getMessage().contains("fast-nst"), e2.getMessage());
    }

    @Test
    void cropsAreReproducibleSquaresOfEverySource() {
        ContentCrops a = new ContentCrops(new CropSpec(24, 60, 3L, 0.5, 0.3, 0.2));
        ContentCrops b = new ContentCrops(new CropSpec(24, 60, 3L, 0.5, 0.3, 0.2));
        java.util.Map<String, Integer> bySource = new java.util.TreeMap<>();
        for (int i = 0; i < a.size(); i++) {
            Sample s = a.get(i);
            assertEquals(s.image(), b.get(i).image());
            assertEquals(3, s.image().channels());
            assertEquals(24, s.image().height());
            assertEquals(24, s.image().width());
            bySource.merge(s.attributes().get("source"), 1, Integer::sum);
        }
        assertEquals(java.util.Set.of("photo", "portrait", "fashion"), bySource.keySet());
        assertTrue(bySource.get("photo") > bySource.get("fashion"), bySource.toString());
        assertEquals(a.contentHash(), b.contentHash());
    }

    @Test
    void trainsThroughTheLoopAndStylisesFromTheRunFolder(@TempDir Path tmp) throws Exception {
        Path cfg = tmp.resolve("tiny-fast.yaml");
        Files.writeString(cfg, String.join("\n",
                "name: tiny-fast",
                "seed: 4",
                "data: {dataset: content-crops, crops: {size: 16, count: 8, seed: 1}}",
                "model: {family: fast-nst, styles: [datasets/images/style-starry-night.jpg], style_size: 32,",
                "        content_layer: relu2_1, style_layers: {relu1_1: 1, relu2_1: 1}, width: 4, res_blocks: 1}",
                "trainer: {steps: 3, batch_size: 2, optimizer: {kind: adam, lr: 0.002}, checkpoint_every: 2,",
                "          log_every: 1, sample_every: 3, sample_count: 2}", ""));
        Runs.Outcome o = Runs.train(new Runs.Request(cfg, List.of(), Optional.empty(), Optional.empty(),
                tmp.resolve("runs"), new StopSignal(), false, List.of()));
        assertTrue(o.result().completed());
        Path run = tmp.resolve("runs/tiny-fast");
        assertEquals(3, Files.readAllLines(run.resolve("metrics.jsonl")).size());
        String line = Files.readAllLines(run.resolve("metrics.jsonl")).get(2);
        assertTrue(line.contains("\"style\"") && line.contains("\"content\"") && line.contains("grad_norm_t"), line);
        assertTrue(Files.exists(run.resolve("samples/step-00000003.png")));

        Runs.Loaded loaded = Runs.load(run);
        Stylizer st = (Stylizer) loaded.model();
        assertTrue(st.fixedStyle());
        Image content = Image.blank(3, 22, 27, 0.2f);
        Image out = st.stylize(content, List.of());
        // sides are cut to multiples of 4
        assertEquals(20, out.height());
        assertEquals(24, out.width());
        for (float v : out.pixels()) {
            assertTrue(v >= -1 && v <= 1);
        }
        assertFalse(Files.exists(run.resolve("checkpoints/step-00000001.ckpt")));
    }
}
