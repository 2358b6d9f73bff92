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
import org.atelier.models.Inpainter;
import org.atelier.training.Runs;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atelier inpaint RUN --image IMG --mask MASK.png|--mask-kind thick --out OUT.png}. */
@Command(name = "inpaint", mixinStandardHelpOptions = true,
        description = "Fill the hole of an image with a trained inpainting run; known pixels are kept exactly.")
public final class InpaintCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN", description = "A gan-inpaint run folder or one of its checkpoint files.")
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

    @Override
    public Integer call() {
        Runs.Loaded loaded = Runs.load(run);
        if (!(loaded.model() instanceof Inpainter inpainter)) {
            throw new InvalidInputException(loaded.dir().root() + " is a " + loaded.config().model().familyId()
                    + " run; inpainting needs a gan-inpaint run");
        }
        Image img = ImageFiles.read(image);
        if (img.height() != inpainter.height() || img.width() != inpainter.width()) {
            throw new InvalidInputException(image + ": image is " + img.width() + "x" + img.height() + ", this model "
                    + "inpaints " + inpainter.width() + "x" + inpainter.height() + " images");
        }
        img = matchChannels(img, inpainter.channels());
        Mask m = mask.file != null ? MaskFiles.read(mask.file, img.height(), img.width())
                : MaskKinds.parse(mask.kind).generate(img.height(), img.width(), new SplittableRandom(seed));
        Image result = inpainter.inpaint(img, m, new SplittableRandom(seed));
        ImageFiles.writePng(result, out);
        if (maskOut != null) {
            MaskFiles.write(m, maskOut);
        }
        System.out.printf("filled %.1f%% of %s with %s -> %s%n", 100 * m.holeFraction(), image, loaded.checkpoint(), out);
        return 0;
    }

    /** Grey model: RGB becomes its channel mean; RGB model: grey is repeated. */
    static Image matchChannels(Image img, int channels) {
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
