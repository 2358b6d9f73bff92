package org.atelier.cli.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.atelier.cli.MainTestAccess;
import org.atelier.cli.MainTestAccess.Result;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atelier stylize} end to end on 24-pixel pictures with a few steps. */
class StylizeCommandTest {
    static Path picture(Path dir, String name, int h, int w, boolean stripes) {
        float[] p = new float[3 * h * w];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    p[(c * h + y) * w + x] = stripes ? (((x + y) / 2 + c) % 2 == 0 ? 0.8f : -0.8f)
                            : (float) ((x + c * y) / (double) (w + h) - 0.4);
                }
            }
        }
        Path f = dir.resolve(name);
        ImageFiles.writePng(new Image(3, h, w, p), f);
        return f;
    }

    @Test
    void optimisesThroughTheLoopAndWritesTheRunFolder(@TempDir Path tmp) throws Exception {
        Path content = picture(tmp, "content-box.png", 30, 40, false);
        Path style = picture(tmp, "style-lines.png", 24, 24, true);
        Path out = tmp.resolve("out.png");
        Result r = MainTestAccess.run("stylize", "--content", content.toString(), "--style", style.toString(),
                "--size", "24", "--steps", "4", "--out", out.toString(), "--runs", tmp.resolve("runs").toString(),
                "--no-progress", "--preserve-color");
        assertEquals(0, r.code(), r.err());
        Image img = ImageFiles.read(out);
        assertEquals(24, img.width());
        assertEquals(18, img.height());
        Path run = tmp.resolve("runs/stylize-box-lines");
        for (String f : List.of("stylize.json", "metrics.jsonl", "checkpoints/step-00000004.ckpt", "samples/step-00000004.png")) {
            assertTrue(Files.exists(run.resolve(f)), f);
        }
        String line = Files.readAllLines(run.resolve("metrics.jsonl")).get(0);
        assertTrue(line.contains("\"style\"") && line.contains("grad_norm_pixels"), line);
        assertTrue(Files.readString(run.resolve("stylize.json")).contains("random-ms-v1:seed=0"));
        // a second call gets a fresh folder instead of clobbering the first
        assertEquals(0, MainTestAccess.run("stylize", "--content", content.toString(), "--style", style.toString(),
                "--style", content.toString(), "--style-weights", "0.7,0.3", "--size", "24", "--steps", "2",
                "--out", out.toString(), "--runs", tmp.resolve("runs").toString(), "--no-progress").code());
        assertTrue(Files.exists(tmp.resolve("runs/stylize-box-lines-2/metrics.jsonl")));
    }

    @Test
    void sweepWritesTheStripAndOneLinePerWeight(@TempDir Path tmp) {
        Path content = picture(tmp, "c.png", 24, 24, false);
        Path out = tmp.resolve("strip.png");
        Result r = MainTestAccess.run("stylize", "--content", content.toString(), "--style", content.toString(),
                "--size", "24", "--steps", "1", "--sweep", "1e2", "--out", out.toString(),
                "--runs", tmp.resolve("runs").toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("style weight 1e2:") && r.out().contains("strip written to " + out), r.out());
        assertTrue(Files.exists(out));
    }

    @Test
    void userErrorsExitWith2AndSayWhy(@TempDir Path tmp) {
        Path content = picture(tmp, "c.png", 24, 24, false);
        Path out = tmp.resolve("o.png");
        Result noStyle = MainTestAccess.run("stylize", "--content", content.toString(), "--out", out.toString());
        assertEquals(2, noStyle.code());
        assertTrue(noStyle.err().contains("--style"), noStyle.err());
        Result shares = MainTestAccess.run("stylize", "--content", content.toString(), "--style", content.toString(),
                "--style-weights", "0.5,0.5", "--out", out.toString());
        assertEquals(2, shares.code());
        assertTrue(shares.err().contains("--style-weights has 2 values for 1"), shares.err());
        Result layer = MainTestAccess.run("stylize", "--content", content.toString(), "--style", content.toString(),
                "--content-layer", "conv9", "--out", out.toString());
        assertEquals(2, layer.code());
        assertTrue(layer.err().contains("conv9") && layer.err().contains("relu3_1"), layer.err());
        Result vgg = MainTestAccess.run("stylize", "--content", content.toString(), "--style", content.toString(),
                "--features", tmp.resolve("missing.npz").toString(), "--out", out.toString());
        assertEquals(2, vgg.code());
        assertTrue(vgg.err().contains("missing.npz"), vgg.err());
        Result missing = MainTestAccess.run("stylize", "--content", tmp.resolve("nope.jpg").toString(), "--style",
                content.toString(), "--out", out.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.jpg"), missing.err());
    }

    @Test
    void fastModelFromATrainedRun(@TempDir Path tmp) throws Exception {
        Path cfg = tmp.resolve("tiny.yaml");
        Files.writeString(cfg, String.join("\n",
                "name: tiny-fast",
                "seed: 4",
                "data: {dataset: content-crops, crops: {size: 16, count: 8, seed: 1, photos: 0, portraits: 1}}",
                "model: {family: fast-nst, styles: [datasets/images/style-the-scream.jpg], style_size: 32,",
                "        content_layer: relu2_1, style_layers: {relu1_1: 1}, width: 4, res_blocks: 0}",
                "trainer: {steps: 2, batch_size: 2, optimizer: {kind: adam, lr: 0.002}, checkpoint_every: 2,",
                "          sample_count: 2}", ""));
        Path runs = tmp.resolve("runs");
        Result t = MainTestAccess.run("train", cfg.toString(), "--runs", runs.toString(), "--no-progress");
        assertEquals(0, t.code(), t.err());
        Path content = picture(tmp, "c.png", 30, 40, false);
        Path out = tmp.resolve("fast.png");
        Result r = MainTestAccess.run("stylize", "--model", runs.resolve("tiny-fast").toString(), "--content",
                content.toString(), "--size", "40", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Image img = ImageFiles.read(out);
        assertEquals(40, img.width());
        assertEquals(28, img.height());
        Result withStyle = MainTestAccess.run("stylize", "--model", runs.resolve("tiny-fast").toString(), "--content",
                content.toString(), "--style", content.toString(), "--out", out.toString());
        assertEquals(2, withStyle.code());
        assertTrue(withStyle.err().contains("--model applies the style"), withStyle.err());
    }
}
