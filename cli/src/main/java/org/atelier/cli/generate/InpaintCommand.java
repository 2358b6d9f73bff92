package org.atelier.cli.generate;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.datasets.masks.Mask;
import org.atelier.datasets.masks.MaskFiles;
import org.atelier.datasets.masks.MaskKinds;
import org.atelier.models.Inpainter;
import org.atelier.models.sampling.FillRequest;
import org.atelier.models.sampling.Filler;
import org.atelier.models.sampling.Inpainting;
import org.atelier.training.Runs;
import org.atelier.training.publish.ModelSources;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code atelier inpaint RUN --image IMG --mask MASK.png|--mask-kind thick --out OUT.png}; diffusion runs
 * fill the hole with RePaint ({@code --steps --jump-length --jump-count --eta}, {@code --class/--prompt}).
 */
@Command(name = "inpaint", mixinStandardHelpOptions = true,
        description = {"Fill the hole of an image with a trained run; known pixels are kept exactly.",
            "gan-inpaint runs fill it in one pass; diffusion (ddpm) runs with RePaint (Lugmayr et al. 2022)."})
public final class InpaintCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN",
            description = "A gan-inpaint or ddpm run folder or one of its checkpoint files, a published model folder "
                    + "(atelier export), or a published model's name in weights/ (e.g. ddpm-cond-fashion).")
    Path run;

    @Option(names = "--image", required = true, paramLabel = "IMG",
            description = "Image of the run's size (e.g. 28x28 grey for Fashion-MNIST); RGB is made grey for a grey model.")
    Path image;

    @ArgGroup(exclusive = true, multiplicity = "1")
    MaskChoice mask;

    static final class MaskChoice {
        @Option(names = "--mask", paramLabel = "MASK.png", description = "Mask PNG of the image's size, white = hole.")
        Path file;

        @Option(names = "--mask-kind", paramLabel = "KIND", description = "Draw a mask: thick, thin, center-box, …")
        String kind;
    }

    @Option(names = "--seed", defaultValue = "0", description = "Seed of a drawn mask (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "OUT.png", description = "Where to write the result.")
    Path out;

    @Option(names = "--mask-out", paramLabel = "PNG", description = "Also write the mask used (useful with --mask-kind).")
    Path maskOut;

    @Option(names = "--class", paramLabel = "K", description = "Conditional diffusion runs: the class (index or name) to fill with.")
    String condition;

    @Mixin
    RePaintFlags repaint = new RePaintFlags();

    @Mixin
    ConditionOptions prompt = new ConditionOptions();

    @Override
    public Integer call() {
        Runs.Loaded loaded = ModelSources.load(run);
        Inpainter inpainter = loaded.inpainter();
        DiffusionOnly.refuseUnless(Inpainting.takesSettings(inpainter),
                repaint.any() || prompt.prompt != null || condition != null,
                "--steps, --jump-length, --jump-count, --eta, --guidance, --trajectory, --class and --prompt", loaded);
        Filler filler = Inpainting.filler(inpainter, new FillRequest(condition, prompt.prompt, false,
                repaint.overrides(), repaint.trajectory != null));
        Image img = InputImages.read(image, inpainter.channels(), inpainter.height(), inpainter.width(), "inpaints");
        Mask m = mask.file != null ? MaskFiles.read(mask.file, img.height(), img.width())
                : MaskKinds.parse(mask.kind).generate(img.height(), img.width(), new SplittableRandom(seed));
        Image result = filler.fillOne(img, m, -1, seed);
        ImageOutputs.writeTrajectory(filler.trajectory(), repaint.trajectory);
        ImageFiles.writePng(result, out);
        if (maskOut != null) {
            MaskFiles.write(m, maskOut);
        }
        System.out.printf("filled %.1f%% of %s with %s -> %s%n", 100 * m.holeFraction(), image, loaded.checkpoint(), out);
        return 0;
    }
}
