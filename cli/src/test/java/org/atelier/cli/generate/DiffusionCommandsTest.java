package org.atelier.cli.generate;

import static org.atelier.cli.MainTestAccess.fails;
import static org.atelier.cli.MainTestAccess.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.cli.MainTestAccess;
import org.atelier.training.TinyRuns;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.datasets.fashion.FashionMnist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train → sample / inpaint / outpaint / vary on a tiny class-conditional diffusion run, through the CLI. */
class DiffusionCommandsTest {
    @Test
    void diffusionRunThroughEveryCommand(@TempDir Path tmp) throws Exception {
        Path run = TinyRuns.ddpm(tmp);
        assertTrue(Files.exists(run.resolve("samples/step-00000002.png")));

        Path grid = tmp.resolve("grid.png");
        Path traj = tmp.resolve("traj.png");
        MainTestAccess.Result s = ok("sample", run.toString(), "--n", "10", "--steps", "3", "--guidance", "2",
                "--out", grid.toString(), "--trajectory", traj.toString(), "--out-dir", tmp.resolve("each").toString());
        assertTrue(s.out().contains("every class in turn") && s.out().contains("ddim, 3 steps"), s.out());
        assertEquals(10 * 56 + 11 * 2, ImageFiles.read(grid).width()); // one column per class, 2x scale
        Image t = ImageFiles.read(traj);
        // 3 steps: 3 frames of 56 px and gaps of 2, right of a column of row labels
        int labels = t.width() - (3 * 58 + 2);
        assertTrue(labels > 40 && labels < 200, "row label column of " + labels + " px");
        // x_t and x0 rows of the first 4 samples, under a row of t headings
        int headings = t.height() - (8 * 58 + 2);
        assertTrue(headings > 8 && headings < 40, "heading row of " + headings + " px");
        assertTrue(Files.exists(tmp.resolve("each/sample-00009.png")));
        ok("sample", run.toString(), "--n", "2", "--sampler", "ddpm", "--steps", "4", "--prompt", "ankle boots",
                "--out", grid.toString());
        fails("unknown word 'hat'", "sample", run.toString(), "--prompt", "hat", "--out", grid.toString());
        fails("Ankle boot", "sample", run.toString(), "--prompt", "hat", "--out", grid.toString());
        fails("--eta is DDIM's", "sample", run.toString(), "--sampler", "ddpm", "--eta", "1", "--out", grid.toString());
        fails("--steps must be in 1..100", "sample", run.toString(), "--steps", "101", "--out", grid.toString());
        fails("give one or the other", "sample", run.toString(), "--class", "1", "--prompt", "bag", "--out", grid.toString());
        // a class-conditional Fashion-MNIST model is read back against the class each sample was drawn under
        assertTrue(ok("sample", run.toString(), "--read-back", "--n", "10", "--steps", "2", "--out", grid.toString())
                .out().contains("read back by fmnist-v1's classifier"));

        Path img = tmp.resolve("in.png");
        ImageFiles.writePng(FashionMnist.embeddedTest().get(0).image(), img);
        Path filled = tmp.resolve("filled.png");
        ok("inpaint", run.toString(), "--image", img.toString(), "--mask-kind", "center-box", "--steps", "4",
                "--jump-length", "1", "--jump-count", "2", "--prompt", "ankle boot", "--out", filled.toString(),
                "--trajectory", tmp.resolve("rp.png").toString());
        Image a = ImageFiles.read(img);
        Image b = ImageFiles.read(filled);
        assertEquals(a.get(0, 0, 0), b.get(0, 0, 0));
        assertEquals(a.get(0, 27, 13), b.get(0, 27, 13));
        assertTrue(Files.exists(tmp.resolve("rp.png")));

        Path eval = tmp.resolve("eval");
        MainTestAccess.Result e = ok("inpaint-eval", run.toString(), "--n", "3", "--steps", "3", "--jump-length", "1",
                "--jump-count", "1", "--use-labels", "--out", eval.toString());
        assertTrue(e.out().contains("on 3 images of fashion-mnist:test") && e.out().contains("own class"), e.out());
        assertTrue(e.out().contains("hole") && e.out().contains("perceptual network: fmnist-v1"), e.out());
        // the seam band lies outside the hole, where RePaint keeps every pixel: PSNR infinite, said in words
        assertTrue(e.out().contains("inf (identical)") && !e.out().contains("Infinity"), e.out());
        assertTrue(Files.readString(eval.resolve("fidelity.json")).contains("00002.png"));
        assertTrue(ImageFiles.read(eval.resolve("preview.png")).width() > 3 * 28, "three columns of the preview");
        Image ref = ImageFiles.read(eval.resolve("reference/00001.png"));
        Image fill = ImageFiles.read(eval.resolve("filled/00001.png"));
        boolean[] hole = org.atelier.evaluation.fidelity.FidelityEvaluation.readMask(eval.resolve("masks/00001.png")).hole();
        int known = 0;
        for (int i = 0; i < hole.length; i++) {
            if (!hole[i]) {
                assertEquals(ref.pixels()[i], fill.pixels()[i], 1e-6, "known pixel " + i + " changed");
                known++;
            }
        }
        assertTrue(known > 0 && known < hole.length);
        // image i and its mask depend on the seed and i only, not on --n or the batching
        Path eval2 = tmp.resolve("eval2");
        MainTestAccess.Result old = ok("inpaint-eval", run.toString(), "--n", "1", "--steps", "2", "--jump-length", "1",
                "--jump-count", "1", "--out-dir", eval2.toString());
        assertTrue(old.err().contains("--out-dir is deprecated") && old.err().contains("use --out"), old.err());
        assertEquals(Files.readString(eval.resolve("masks/00000.png"), java.nio.charset.StandardCharsets.ISO_8859_1),
                Files.readString(eval2.resolve("masks/00000.png"), java.nio.charset.StandardCharsets.ISO_8859_1));
        fails("more than the 10000 images", "inpaint-eval", run.toString(), "--n", "10001", "--out", eval2.toString());

        Path wide = tmp.resolve("wide.png");
        ok("outpaint", run.toString(), "--image", img.toString(), "--left", "6", "--right", "4", "--steps", "3",
                "--jump-count", "1", "--jump-length", "1", "--out", wide.toString());
        Image w = ImageFiles.read(wide);
        assertEquals(38, w.width());
        assertEquals(a.get(0, 20, 10), w.get(0, 20, 16));
        fails("at most 14 pixels", "outpaint", run.toString(), "--image", img.toString(), "--top", "20",
                "--out", wide.toString());

        Path vary = tmp.resolve("vary.png");
        MainTestAccess.Result v = ok("vary", run.toString(), "--image", img.toString(), "--strength", "0.5", "--n", "3",
                "--steps", "4", "--out", vary.toString());
        assertTrue(v.out().contains("3 variations"), v.out());
        // 4 * 56 + 5 * 2 = 234 px of grid, under a caption strip at least 240 px wide (CaptionStrip.MIN_WIDTH)
        assertEquals(240, ImageFiles.read(vary).width());
        fails("--strength must be in (0, 1]", "vary", run.toString(), "--image", img.toString(), "--strength", "1.5",
                "--out", vary.toString());
    }
}
