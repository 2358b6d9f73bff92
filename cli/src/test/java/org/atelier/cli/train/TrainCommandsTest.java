package org.atelier.cli.train;

import org.atelier.cli.generate.InpaintCommand;
import org.atelier.cli.generate.SampleCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.core.errors.UserException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.datasets.fashion.FashionMnist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** train → sample → inpaint through the picocli commands on the embedded data, tiny models. */
class TrainCommandsTest {
    static int run(Object cmd, StringBuilder err, String... args) {
        CommandLine cli = new CommandLine(cmd);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        cli.setErr(new PrintWriter(buf, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler((ex, c, p) -> {
            for (Throwable t = ex; t != null; t = t.getCause()) {
                if (t instanceof UserException) {
                    c.getErr().println("error: " + t.getMessage());
                    return 2;
                }
            }
            throw ex;
        });
        int code = cli.execute(args);
        err.append(buf.toString(StandardCharsets.UTF_8));
        return code;
    }

    static Path config(Path dir, String family) throws Exception {
        Path f = dir.resolve(family + ".yaml");
        Files.writeString(f, String.join("\n",
                "name: tiny-" + family,
                "seed: 3",
                "data: {dataset: 'fashion-mnist:test', limit: 64}",
                "model: {family: " + family + ", arch: tiny28, z_dim: 8, mask_kind: thick}",
                "trainer: {steps: 3, batch_size: 4, optimizer: {kind: adam, lr: 0.0002, beta1: 0.5},",
                "          checkpoint_every: 2, log_every: 1, sample_every: 3, sample_count: 10}", ""));
        return f;
    }

    @Test
    void trainSampleAndResumeErrors(@TempDir Path tmp) throws Exception {
        StringBuilder err = new StringBuilder();
        Path cfg = config(tmp, "cgan");
        Path runs = tmp.resolve("runs");
        assertEquals(0, run(new TrainCommand(), err, cfg.toString(), "--runs", runs.toString(), "--no-progress"), err.toString());
        Path run = runs.resolve("tiny-cgan");
        for (String f : new String[] {"config.yaml", "provenance.json", "data.json", "metrics.jsonl",
            "checkpoints/step-00000003.ckpt", "samples/step-00000003.png"}) {
            assertTrue(Files.exists(run.resolve(f)), f);
        }
        assertEquals(3, Files.readAllLines(run.resolve("metrics.jsonl")).size());
        // starting again into the same folder is refused; extending the run by resume works
        assertEquals(2, run(new TrainCommand(), err, cfg.toString(), "--runs", runs.toString()));
        assertTrue(err.toString().contains("already holds a run"), err.toString());
        assertEquals(0, run(new TrainCommand(), err, cfg.toString(), "--resume", run.toString(),
                "--set", "trainer.steps=4", "--no-progress"), err.toString());
        assertEquals(4, Files.readAllLines(run.resolve("metrics.jsonl")).size());

        err.setLength(0);
        assertEquals(2, run(new TrainCommand(), err, cfg.toString(), "--resume", tmp.resolve("runs/nope").toString(),
                "--set", "trainer.steps=4"));
        assertTrue(err.toString().contains("no such run folder or checkpoint file"), err.toString());
        Path bad = run.resolve("checkpoints/step-00000009.ckpt");
        Files.writeString(bad, "not a zip");
        err.setLength(0);
        assertEquals(2, run(new TrainCommand(), err, cfg.toString(), "--resume", run.toString(), "--set", "trainer.steps=4"));
        assertTrue(err.toString().contains(bad.toString()) && err.toString().contains("not a complete checkpoint"), err.toString());
        Files.delete(bad);

        Path grid = tmp.resolve("grid.png");
        Path dir = tmp.resolve("each");
        assertEquals(0, run(new SampleCommand(), err, run.toString(), "--n", "6", "--class", "Sneaker",
                "--out", grid.toString(), "--out-dir", dir.toString()), err.toString());
        assertTrue(Files.exists(grid) && Files.exists(dir.resolve("sample-00005.png")));
        Image one = ImageFiles.read(dir.resolve("sample-00000.png"));
        assertEquals(28, one.width());
        err.setLength(0);
        assertEquals(2, run(new SampleCommand(), err, run.toString(), "--class", "Hat", "--out", grid.toString()));
        assertTrue(err.toString().contains("Sneaker"), err.toString());
        err.setLength(0);
        assertEquals(2, run(new InpaintCommand(), err, run.toString(), "--image", grid.toString(), "--mask-kind", "thick",
                "--out", tmp.resolve("x.png").toString()));
        assertTrue(err.toString().contains("inpainting needs a gan-inpaint or ddpm run"), err.toString());
        err.setLength(0);
        assertEquals(2, run(new SampleCommand(), err, run.toString(), "--sampler", "ddim", "--out", grid.toString()));
        assertTrue(err.toString().contains("are for diffusion runs"), err.toString());
    }

    @Test
    void inpaintKeepsKnownPixels(@TempDir Path tmp) throws Exception {
        StringBuilder err = new StringBuilder();
        Path cfg = config(tmp, "gan-inpaint");
        Path runs = tmp.resolve("runs");
        assertEquals(0, run(new TrainCommand(), err, cfg.toString(), "--runs", runs.toString(), "--no-progress"), err.toString());
        Path img = tmp.resolve("in.png");
        Image source = FashionMnist.embeddedTest().get(0).image();
        ImageFiles.writePng(source, img);
        Path out = tmp.resolve("out.png");
        Path maskOut = tmp.resolve("mask.png");
        assertEquals(0, run(new InpaintCommand(), err, runs.resolve("tiny-gan-inpaint").toString(), "--image", img.toString(),
                "--mask-kind", "center-box", "--out", out.toString(), "--mask-out", maskOut.toString()), err.toString());
        Image in = ImageFiles.read(img);
        Image res = ImageFiles.read(out);
        Image m = ImageFiles.read(maskOut);
        int changedKnown = 0;
        for (int i = 0; i < in.pixels().length; i++) {
            if (m.pixels()[i] < 0 && in.pixels()[i] != res.pixels()[i]) {
                changedKnown++;
            }
        }
        assertEquals(0, changedKnown);
        err.setLength(0);
        Path small = tmp.resolve("small.png");
        ImageFiles.writePng(Image.blank(1, 10, 10, 0f), small);
        assertEquals(2, run(new InpaintCommand(), err, runs.resolve("tiny-gan-inpaint").toString(), "--image", small.toString(),
                "--mask-kind", "thick", "--out", out.toString()));
        assertTrue(err.toString().contains("10x10") && err.toString().contains("28x28"), err.toString());
    }
}
