package org.atelier.cli.train;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.datasets.masks.Mask;
import org.atelier.datasets.masks.MaskFiles;
import org.atelier.datasets.masks.MaskKinds;
import org.atelier.cli.diffusion.ConditionOptions;
import org.atelier.cli.diffusion.DiffusionOutputs;
import org.atelier.cli.diffusion.RePaintFlags;
import org.atelier.models.Inpainter;
import org.atelier.models.diffusion.Condition;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.models.diffusion.RePaintOptions;
import org.atelier.models.diffusion.TrajectoryRecorder;
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
        DiffusionModel dm = loaded.model() instanceof DiffusionModel d ? d : null;
        if (dm == null && (repaint.any() || prompt.prompt != null || condition != null)) {
            throw new InvalidInputException("--steps, --jump-length, --jump-count, --eta, --guidance, --trajectory, "
                    + "--class and --prompt are for diffusion runs; " + loaded.dir().root() + " is a "
                    + loaded.config().model().familyId() + " run");
        }
        Inpainter inpainter = inpainterOf(loaded);
        Image img = ImageFiles.read(image);
        if (img.height() != inpainter.height() || img.width() != inpainter.width()) {
            throw new InvalidInputException(image + ": image is " + img.width() + "x" + img.height() + ", this model "
                    + "inpaints " + inpainter.width() + "x" + inpainter.height() + " images");
        }
        img = matchChannels(img, inpainter.channels());
        Mask m = mask.file != null ? MaskFiles.read(mask.file, img.height(), img.width())
                : MaskKinds.parse(mask.kind).generate(img.height(), img.width(), new SplittableRandom(seed));
        Image result;
        if (dm != null) {
            Condition c = prompt.resolve(dm, condition);
            RePaintOptions o = repaint.resolve(dm, c != null);
            TrajectoryRecorder rec = repaint.trajectory != null ? TrajectoryRecorder.evenly(10, 1) : TrajectoryRecorder.off();
            result = dm.inpaint(java.util.List.of(img), java.util.List.of(m),
                    java.util.List.of(c != null ? c : dm.conditionSpace().nullCondition()), o,
                    new SplittableRandom(org.atelier.core.random.Seeds.derive(seed, "repaint")), rec)
                    .get(0);
            if (repaint.trajectory != null) {
                DiffusionOutputs.writeTrajectory(rec.trajectory(), repaint.trajectory);
            }
        } else {
            result = inpainter.inpaint(img, m, new SplittableRandom(seed));
        }
        ImageFiles.writePng(result, out);
        if (maskOut != null) {
            MaskFiles.write(m, maskOut);
        }
        System.out.printf("filled %.1f%% of %s with %s -> %s%n", 100 * m.holeFraction(), image, loaded.checkpoint(), out);
        return 0;
    }

    /** The loaded run's model as an {@link Inpainter}, or a clear error naming its family. */
    static Inpainter inpainterOf(Runs.Loaded loaded) {
        if (!(loaded.model() instanceof Inpainter inpainter)) {
            throw new InvalidInputException(loaded.dir().root() + " is a " + loaded.config().model().familyId()
                    + " run; inpainting needs a gan-inpaint or ddpm run");
        }
        return inpainter;
    }

    /** Grey model: RGB becomes its channel mean; RGB model: grey is repeated. */
    public static Image matchChannels(Image img, int channels) {
        if (img.channels() == channels) {
            return img;
        }
        if (channels == 3) {
            return img.toRgb();
        }
        int plane = img.height() * img.width();
        float[] p = new float[plane];
        for (int i = 0; i < plane; i++) {
            p[i] = (img.pixels()[i] + img.pixels()[plane + i] + img.pixels()[2 * plane + i]) / 3f;
        }
        return new Image(1, img.height(), img.width(), p);
    }
}
