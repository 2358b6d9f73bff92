package org.atelier.cli.diffusion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.core.image.ImageGrid;
import org.atelier.models.diffusion.Condition;
import org.atelier.models.diffusion.ConditionSpace;
import org.atelier.models.diffusion.ConditioningKind;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.models.diffusion.SamplingOptions;
import org.atelier.models.diffusion.TrajectoryRecorder;
import org.atelier.training.Runs;

/** {@code atelier sample} on a diffusion run. */
public final class DiffusionSampling {
    private DiffusionSampling() {
    }

    /**
     * Without a condition, a class-conditional model draws the classes in turn (one grid column per
     * class when n is a multiple of their number); an attribute model samples unconditionally.
     */
    public static int sample(Runs.Loaded loaded, DiffusionModel model, int n, Condition condition, SamplingFlags flags,
                             long seed, Path out, Path outDir, boolean readBack) {
        if (readBack) {
            AttributeReadback.requireReadable(model.channels(), model.height(), model.width(), loaded.dir().root());
        }
        SamplingOptions o = flags.resolve(model);
        List<Condition> cs = new ArrayList<>(n);
        boolean cycle = condition == null && model.config().conditioning() == ConditioningKind.CLASS;
        int classes = cycle ? model.conditions().size() : 0;
        for (int i = 0; i < n; i++) {
            cs.add(condition != null ? condition : cycle ? model.conditionAt(i % classes) : model.conditionSpace().nullCondition());
        }
        TrajectoryRecorder rec = flags.trajectory != null ? TrajectoryRecorder.evenly(10, Math.min(n, 4))
                : TrajectoryRecorder.off();
        long t0 = System.nanoTime();
        List<Image> images = model.generate(cs, o, new SplittableRandom(seed), rec);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (out != null) {
            int columns = cycle && n % classes == 0 ? classes : (int) Math.ceil(Math.sqrt(n));
            ImageFiles.writePng(ImageGrid.of(images, columns, images.get(0).width() < 64 ? 2 : 1), out);
        }
        if (outDir != null) {
            for (int i = 0; i < images.size(); i++) {
                ImageFiles.writePng(images.get(i), outDir.resolve(String.format("sample-%05d.png", i)));
            }
        }
        if (flags.trajectory != null) {
            DiffusionOutputs.writeTrajectory(rec.trajectory(), flags.trajectory);
        }
        String what = condition != null ? model.conditionSpace().describe(condition) : cycle ? "every class in turn"
                : "unconditional";
        System.out.printf("%d samples (%s) from %s: %s, %d steps%s, guidance %s; %.1f s (%.3f s per image)%s%s%n", n, what,
                loaded.checkpoint(), o.sampler().id(), o.steps(),
                o.sampler().id().equals("ddim") ? ", eta " + o.eta() : "",
                model.conditionSpace().isEmpty() ? "n/a" : String.valueOf(o.guidance()), seconds, seconds / n,
                out != null ? " -> " + out : "", outDir != null ? " -> " + outDir + "/" : "");
        if (readBack) {
            // an attribute model is read on its own attributes, against the prompt; any other on every attribute, open
            boolean byPrompt = AttributeReadback.applies(model);
            ConditionSpace space = byPrompt ? model.conditionSpace() : AttributeReadback.everyHead();
            Condition asked = byPrompt && condition != null ? condition : space.nullCondition();
            AttributeReadback.report(space, asked, images).forEach(System.out::println);
        }
        return 0;
    }
}
