package org.atelier.cli.generate;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.models.diffusion.Condition;
import org.atelier.models.diffusion.Conditions;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.models.diffusion.Outpainting;
import org.atelier.models.diffusion.RePaintOptions;
import org.atelier.training.Runs;
import org.atelier.training.publish.ModelSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atelier outpaint RUN --image IMG --left 8 --right 8 [--top N] [--bottom N] --out OUT.png}. */
@Command(name = "outpaint", mixinStandardHelpOptions = true,
        description = {"Extend an image's canvas and fill the new border with a diffusion (ddpm) run, by RePaint "
                + "conditioned on the original; the original's pixels are kept exactly.",
            "The model works at its trained size, so the border is filled window by window; each side may add at "
                + "most half the model's side (14 pixels for 28x28)."})
public final class OutpaintCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN", description = "A ddpm run folder or one of its checkpoint files, a "
            + "published model folder, or a published model's name in weights/ (e.g. ddpm-cond-fashion).")
    Path run;

    @Option(names = "--image", required = true, paramLabel = "IMG", description = "Image of the run's size.")
    Path image;

    @Option(names = "--left", defaultValue = "0", description = "Pixels to add on the left (default ${DEFAULT-VALUE}).")
    int left;

    @Option(names = "--right", defaultValue = "0", description = "Pixels to add on the right (default ${DEFAULT-VALUE}).")
    int right;

    @Option(names = "--top", defaultValue = "0", description = "Pixels to add at the top (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--bottom", defaultValue = "0", description = "Pixels to add at the bottom (default ${DEFAULT-VALUE}).")
    int bottom;

    @Option(names = "--class", paramLabel = "K", description = "Conditional runs: the class (index or name) to fill with.")
    String condition;

    @Mixin
    ConditionOptions prompt = new ConditionOptions();

    @Mixin
    RePaintFlags repaint = new RePaintFlags();

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the noise (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "OUT.png", description = "Where to write the extended image.")
    Path out;

    @Override
    public Integer call() {
        if (left < 0 || right < 0 || top < 0 || bottom < 0 || left + right + top + bottom == 0) {
            throw new InvalidInputException("give at least one of --left, --right, --top, --bottom (pixels >= 0)");
        }
        Outpainting.Borders b = new Outpainting.Borders(left, right, top, bottom);
        if (repaint.trajectory != null) {
            throw new InvalidInputException("--trajectory is not recorded by outpaint (it runs one RePaint per window); "
                    + "use inpaint --mask-kind outpaint:left=8 for one window's trajectory");
        }
        Runs.Loaded loaded = ModelSources.load(run);
        DiffusionModel model = loaded.diffusion("outpainting needs");
        Image img = InputImages.read(image, model.channels(), model.height(), model.width(), "works on");
        Condition c = Conditions.resolve(model, condition, prompt.prompt);
        RePaintOptions o = repaint.overrides().resolve(model.schedule().steps(), c != null);
        b.requireFits(model.height());
        long t0 = System.nanoTime();
        Image result = model.outpaint(img, b, Conditions.orNull(model, c), o, new SplittableRandom(seed));
        ImageFiles.writePng(result, out);
        System.out.printf("extended %s from %dx%d to %dx%d with %s in %.1f s -> %s%n", image, img.width(), img.height(),
                result.width(), result.height(), loaded.checkpoint(), (System.nanoTime() - t0) / 1e9, out);
        return 0;
    }
}
