package org.atelier.cli.train;

import static org.atelier.cli.MainTestAccess.fails;
import static org.atelier.cli.MainTestAccess.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.cli.MainTestAccess;
import org.atelier.training.TinyRuns;
import org.atelier.core.image.ImageFiles;
import org.atelier.datasets.fashion.FashionMnist;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train → export → sample / inpaint / outpaint / vary from the published folder and by its bare name, through the CLI. */
class ExportCommandTest {
    @TempDir
    static Path shared;
    static Path run;

    /** Trains the tiny class-conditional run the diffusion command tests use, for two steps. */
    @BeforeAll
    static void tinyRun() throws Exception {
        run = TinyRuns.ddpm(shared);
    }

    @Test
    void anExportedFolderServesEveryCommandAndRefusesDamage(@TempDir Path tmp) throws Exception {
        Path pub = tmp.resolve("pub");
        MainTestAccess.Result e = ok("export", run.toString(), "--out", pub.toString());
        assertTrue(e.out().contains("SHA-256") && e.out().contains("reproduce with: ./atelier train"), e.out());
        fails("--replace", "export", run.toString(), "--out", pub.toString());

        Path grid = tmp.resolve("grid.png");
        MainTestAccess.Result s = ok("sample", pub.toString(), "--n", "10", "--steps", "2", "--out", grid.toString());
        assertTrue(s.out().contains(pub.resolve("weights.ckpt").toString()), s.out());
        assertEquals(10 * 56 + 11 * 2, ImageFiles.read(grid).width());

        Path img = tmp.resolve("in.png");
        ImageFiles.writePng(FashionMnist.embeddedTest().get(0).image(), img);
        ok("inpaint", pub.toString(), "--image", img.toString(), "--mask-kind", "thick", "--steps", "2",
                "--jump-length", "1", "--jump-count", "1", "--class", "Ankle boot", "--out", tmp.resolve("f.png").toString());
        Path wide = tmp.resolve("wide.png");
        ok("outpaint", pub.toString(), "--image", img.toString(), "--left", "4", "--steps", "2", "--jump-count", "1",
                "--jump-length", "1", "--out", wide.toString());
        assertEquals(32, ImageFiles.read(wide).width());
        ok("vary", pub.toString(), "--image", img.toString(), "--n", "2", "--steps", "2", "--out",
                tmp.resolve("v.png").toString());

        Path weights = pub.resolve("weights.ckpt");
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length / 3] ^= 1;
        Files.write(weights, bytes);
        MainTestAccess.Result bad = fails("changed or damaged", "sample", pub.toString(), "--n", "1", "--out",
                grid.toString());
        assertTrue(bad.err().contains(weights.toString()) && !bad.err().contains("\tat "), bad.err());
    }

    @Test
    void theDefaultFolderIsWeightsUnderTheProjectRootAndItsNameIsEnough(@TempDir Path tmp) throws Exception {
        String before = System.getProperty("atelier.home");
        System.setProperty("atelier.home", tmp.resolve("home").toString());
        try {
            fails("none (make one with 'atelier export", "sample", "tiny-ddpm", "--out", tmp.resolve("g.png").toString());
            ok("export", run.toString());
            assertTrue(Files.exists(tmp.resolve("home/weights/tiny-ddpm/model-card.json")));
            ok("sample", "tiny-ddpm", "--n", "2", "--steps", "2", "--out", tmp.resolve("g.png").toString());
            fails("published models in " + tmp.resolve("home/weights") + ": tiny-ddpm", "sample", "tiny-dpm",
                    "--out", tmp.resolve("g.png").toString());
        } finally {
            if (before == null) {
                System.clearProperty("atelier.home");
            } else {
                System.setProperty("atelier.home", before);
            }
        }
    }
}
