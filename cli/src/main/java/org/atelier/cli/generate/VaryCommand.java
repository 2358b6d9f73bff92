package org.atelier.cli.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.models.diffusion.Condition;
import org.atelier.models.diffusion.Conditions;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.models.diffusion.SamplingOptions;
import org.atelier.models.diffusion.TrajectoryRecorder;
import org.atelier.models.sampling.Sampling;
import org.atelier.training.Runs;
import org.atelier.training.publish.ModelSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atelier vary RUN --image IMG --strength 0.6 [--n 8] --out grid.png}. */
@Command(name = "vary", mixinStandardHelpOptions = true,
        description = {"Variations of an image by SDEdit (Meng et al. 2022): noise it to --strength of the way and "
                + "denoise with a diffusion (ddpm) run.",
            "Small strengths keep the layout and change details; 1 starts from almost pure noise. The grid's first "
                + "cell is the input."})
public final class VaryCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN", description = "A ddpm run folder or one of its checkpoint files, a "
            + "published model folder, or a published model's name in weights/ (e.g. ddpm-cond-fashion).")
    Path run;

    @Option(names = "--image", required = true, paramLabel = "IMG", description = "Image of the run's size.")
    Path image;

    @Option(names = "--strength", defaultValue = "0.6", paramLabel = "S",
            description = "How far to noise the image, in (0, 1] (default ${DEFAULT-VALUE}).")
    double strength;

    @Option(names = "--n", defaultValue = "8", description = "How many variations, 1..1000 (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--class", paramLabel = "K", description = "Conditional runs: steer the variations to this class.")
    String condition;

    @Mixin
    ConditionOptions prompt = new ConditionOptions();

    @Mixin
    SamplingFlags sampling = new SamplingFlags();

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the noise (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "PNG", description = "Grid of the input followed by its variations.")
    Path out;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Also write every variation as DIR/variation-00000.png, ….")
    Path outDir;

    @Override
    public Integer call() {
        if (out == null && outDir == null) {
            throw new InvalidInputException("give --out PNG and/or --out-dir DIR");
        }
        if (!(strength > 0 && strength <= 1)) {
            throw new InvalidInputException("--strength must be in (0, 1], got " + strength);
        }
        if (n < 1 || n > 1000) {
            throw new InvalidInputException("--n must be in 1..1000, got " + n);
        }
        Runs.Loaded loaded = ModelSources.load(run);
        DiffusionModel model = loaded.diffusion("variations need");
        Image img = InputImages.read(image, model.channels(), model.height(), model.width(), "works on");
        Condition c = Conditions.resolve(model, condition, prompt.prompt);
        SamplingOptions o = sampling.overrides().resolve(model.schedule().steps(), c != null);
        TrajectoryRecorder rec = sampling.trajectory != null ? TrajectoryRecorder.evenly(Sampling.TRAJECTORY_FRAMES, 1)
                : TrajectoryRecorder.off();
        List<Image> vs = model.vary(img, n, strength, Conditions.orNull(model, c), o, new SplittableRandom(seed), rec);
        List<Image> grid = new ArrayList<>();
        grid.add(img);
        grid.addAll(vs);
        ImageOutputs.write(grid, Math.min(grid.size(), 9), out, null, "variation");
        ImageOutputs.write(vs, 1, null, outDir, "variation");
        ImageOutputs.writeTrajectory(rec.enabled() ? rec.trajectory() : null, sampling.trajectory);
        System.out.printf("%d variations of %s at strength %.2f (%s, %d steps) with %s%s%n", n, image, strength,
                o.sampler().id(), o.steps(), loaded.checkpoint(), ImageOutputs.arrows(out, outDir));
        return 0;
    }
}
