package org.atelier.evaluation.fidelity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.atelier.core.errors.InvalidSettingException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.datasets.masks.Mask;
import org.atelier.models.Inpainter;
import org.atelier.models.sampling.FillRequest;
import org.atelier.models.sampling.Inpainting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inpainting benchmark with any Inpainter: here one that fills every hole with a random grey level. */
class InpaintingBenchmarkTest {
    /** Fills the hole with one grey level drawn from the image's random source; known pixels untouched. */
    static final class GreyFill implements Inpainter {
        @Override
        public int channels() {
            return 1;
        }

        @Override
        public int height() {
            return 28;
        }

        @Override
        public int width() {
            return 28;
        }

        @Override
        public Image inpaint(Image image, Mask mask, RandomGenerator rng) {
            float grey = (float) rng.nextDouble(-1, 1);
            float[] p = image.pixels().clone();
            for (int i = 0; i < p.length; i++) {
                if (mask.isHole(i / 28, i % 28)) {
                    p[i] = grey;
                }
            }
            return new Image(1, 28, 28, p);
        }
    }

    @Test
    void theSameSeedGivesTheSameHolesAndFillsWhateverN(@TempDir Path tmp) throws Exception {
        InpaintingBenchmark.Settings six = new InpaintingBenchmark.Settings("fashion-mnist:test", 6, "thick", 4, 4);
        List<Integer> progress = new ArrayList<>();
        InpaintingBenchmark.Result r = InpaintingBenchmark.run(Inpainting.filler(new GreyFill(), FillRequest.PLAIN), six,
                tmp.resolve("six"), Map.of("model", "grey-fill"), progress::add);
        assertEquals(List.of(6), progress);
        assertEquals(6, r.report().images().size());
        assertTrue(r.meanHole() > 0 && r.meanHole() < 0.6, "thick masks: " + r.meanHole());
        assertEquals("one pass", InpaintingBenchmark.describe(Inpainting.filler(new GreyFill(), FillRequest.PLAIN)));
        for (String f : List.of("preview.png", "fidelity.json", "inpaint-eval.json", "filled/00005.png", "masks/00000.png")) {
            assertTrue(Files.exists(tmp.resolve("six").resolve(f)), f);
        }
        assertEquals("grey-fill", r.settings().get("model"));
        assertEquals("none", r.settings().get("conditioning"));

        // image 0 is the first of the dataset for any N, and its hole and fill depend on the seed and 0 alone
        InpaintingBenchmark.run(Inpainting.filler(new GreyFill(), FillRequest.PLAIN),
                new InpaintingBenchmark.Settings("fashion-mnist:test", 2, "thick", 4, 4), tmp.resolve("two"), Map.of(), n -> { });
        for (String f : List.of("masks/00000.png", "filled/00000.png")) {
            assertArrayEquals(ImageFiles.read(tmp.resolve("six").resolve(f)).pixels(),
                    ImageFiles.read(tmp.resolve("two").resolve(f)).pixels(), f);
        }
    }

    @Test
    void settingsAreChecked(@TempDir Path tmp) {
        assertEquals("n", assertThrows(InvalidSettingException.class,
                () -> new InpaintingBenchmark.Settings("fashion-mnist:test", 0, "thick", 0, 4)).setting());
        assertThrows(InvalidSettingException.class, () -> InpaintingBenchmark.run(
                Inpainting.filler(new GreyFill(), FillRequest.PLAIN),
                new InpaintingBenchmark.Settings("fashion-mnist:test", 20_000, "thick", 0, 4), tmp, Map.of(), n -> { }));
        assertThrows(InvalidSettingException.class, () -> Inpainting.filler(new GreyFill(),
                new FillRequest(null, null, true, null, false)), "a one-pass inpainter takes no class conditioning");
    }
}
