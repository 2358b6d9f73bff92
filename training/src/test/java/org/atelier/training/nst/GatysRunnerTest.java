package org.atelier.training.nst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.atelier.core.errors.InvalidSettingException;
import org.atelier.core.image.Image;
import org.atelier.models.Stylizer.WeightedStyle;
import org.atelier.models.nst.FeatureNets;
import org.atelier.models.nst.NstLossSpec;
import org.atelier.models.nst.StartImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gatys style transfer through the training loop, called as a notebook would. */
class GatysRunnerTest {
    static Image picture(int h, int w, boolean stripes) {
        float[] p = new float[3 * h * w];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    p[(c * h + y) * w + x] = stripes ? (((x + y) / 2 + c) % 2 == 0 ? 0.8f : -0.8f)
                            : (float) ((x + c * y) / (double) (w + h) - 0.4);
                }
            }
        }
        return new Image(3, h, w, p);
    }

    static GatysRunner.Settings settings(int size, int steps) {
        return new GatysRunner.Settings(FeatureNets.open(FeatureNets.DEFAULT), NstLossSpec.defaults(), size, size, steps,
                0.03, StartImage.CONTENT, false, 0, false);
    }

    @Test
    void aSweepRunsOneStylisationPerWeightAndDrawsTheStrip(@TempDir Path tmp) {
        List<Double> done = new ArrayList<>();
        BufferedImage strip = GatysRunner.sweep(settings(24, 2), picture(24, 24, false),
                List.of(new WeightedStyle(picture(24, 24, true), 1)), List.of(1e2, 1e4), tmp, "sweep",
                run -> done.add(run.styleWeight()));
        assertEquals(List.of(1e2, 1e4), done);
        assertTrue(strip.getWidth() >= 4 * 24 && strip.getHeight() > 24, "content, style, two results");
        assertTrue(Files.exists(tmp.resolve("sweep-sw1e2/metrics.jsonl")) && Files.exists(tmp.resolve("sweep-sw1e4/stylize.json")));
    }

    @Test
    void settingsNameTheSettingOutOfRange(@TempDir Path tmp) {
        assertEquals("size", assertThrows(InvalidSettingException.class, () -> settings(8, 2)).setting());
        assertEquals("steps", assertThrows(InvalidSettingException.class, () -> settings(24, 0)).setting());
        assertEquals("sweep", assertThrows(InvalidSettingException.class, () -> GatysRunner.sweep(settings(24, 1),
                picture(24, 24, false), List.of(new WeightedStyle(picture(24, 24, true), 1)), List.of(-1.0), tmp, "x",
                run -> { })).setting());
        assertEquals("style", assertThrows(InvalidSettingException.class, () -> new GatysRunner(settings(24, 1), tmp, "y")
                .run(picture(24, 24, false), List.of(), GatysRunner.freshDir(tmp, "y"))).setting());
    }
}
