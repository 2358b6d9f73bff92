package org.atelier.experiments.demo;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.core.image.ImageStrip;
import org.atelier.models.Stylizer.WeightedStyle;
import org.atelier.models.nst.FeatureNets;
import org.atelier.models.nst.NstDefaults;
import org.atelier.models.nst.NstImages;
import org.atelier.models.nst.NstLossSpec;
import org.atelier.models.nst.StartImage;
import org.atelier.training.nst.GatysRunner;

/**
 * A small stylisation for {@code ./atelier demo}: content, style and result side by side, at
 * 128 px with a few dozen Adam steps on the default random feature net, run through the training
 * loop (so it leaves a run folder like any other).
 */
final class NstDemo {
    static final int SIZE = 128;

    /**
     * @param strip   content | style | result, 128 px high, captioned
     * @param result  the stylised image
     * @param seconds wall-clock time of the whole call
     * @param runDir  the run folder (metrics.jsonl, checkpoints/, samples/)
     */
    record Panel(BufferedImage strip, Image result, double seconds, Path runDir) {
    }

    private NstDemo() {
    }

    /** Stylises {@code content} with {@code style} in {@code steps} steps into a fresh run folder {@code runsRoot/demo-stylize[-k]}. */
    static Panel render(Path content, Path style, int steps, Path runsRoot) {
        long t = System.nanoTime();
        GatysRunner.Settings s = new GatysRunner.Settings(FeatureNets.open(FeatureNets.DEFAULT), NstLossSpec.defaults(),
                SIZE, SIZE, steps, Double.parseDouble(NstDefaults.LR), StartImage.CONTENT, false, 0L, false);
        Image c = ImageFiles.read(content);
        Image st = ImageFiles.read(style);
        GatysRunner.Result r = new GatysRunner(s, runsRoot, "demo-stylize")
                .run(c, List.of(new WeightedStyle(st, 1)), GatysRunner.freshDir(runsRoot, "demo-stylize"));
        BufferedImage strip = ImageStrip.of(List.of(NstImages.fit(c, SIZE), NstImages.fit(st, SIZE), r.image()),
                List.of("content", "style", "result"), SIZE);
        return new Panel(strip, r.image(), (System.nanoTime() - t) / 1e9, r.dir().root());
    }
}
