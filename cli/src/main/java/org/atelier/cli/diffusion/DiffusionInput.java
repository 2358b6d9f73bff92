package org.atelier.cli.diffusion;

import java.nio.file.Path;
import org.atelier.cli.train.InpaintCommand;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.training.Runs;
import org.atelier.training.publish.ModelSources;

/**
 * What a diffusion command working on one image (outpaint, vary) starts from: a ddpm model
 * loaded from a run, published folder or published name, and the input image, of the model's
 * size and turned to its channel count.
 *
 * @param image the input, {@link InpaintCommand#matchChannels matched} to the model's channels
 */
record DiffusionInput(Runs.Loaded loaded, DiffusionModel model, Image image) {
    /**
     * @param run   as the commands' {@code RUN} parameter takes it
     * @param needs how the error for a run of another family ends, e.g. {@code outpainting needs}
     *              (followed by "a ddpm run")
     * @throws InvalidInputException when the run is not a ddpm run or the image is not of the model's size
     */
    static DiffusionInput load(Path run, Path image, String needs) {
        Runs.Loaded loaded = ModelSources.load(run);
        if (!(loaded.model() instanceof DiffusionModel model)) {
            throw new InvalidInputException(loaded.dir().root() + " is a " + loaded.config().model().familyId()
                    + " run; " + needs + " a ddpm run");
        }
        Image img = ImageFiles.read(image);
        if (img.height() != model.height() || img.width() != model.width()) {
            throw new InvalidInputException(image + ": image is " + img.width() + "x" + img.height() + ", this model works on "
                    + model.width() + "x" + model.height() + " images");
        }
        return new DiffusionInput(loaded, model, InpaintCommand.matchChannels(img, model.channels()));
    }
}
