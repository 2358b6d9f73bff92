package org.atelier.cli.generate;

import java.nio.file.Path;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;

/** The input image of a command that works on one image (inpaint, outpaint, vary). */
final class InputImages {
    private InputImages() {
    }

    /**
     * {@code file}, which must be {@code width × height}, turned to {@code channels} channels.
     *
     * @param verb how the refusal names what the model does: "inpaints", "works on"
     */
    static Image read(Path file, int channels, int height, int width, String verb) {
        Image img = ImageFiles.read(file);
        if (img.height() != height || img.width() != width) {
            throw new InvalidInputException(file + ": image is " + img.width() + "x" + img.height() + ", this model "
                    + verb + " " + width + "x" + height + " images");
        }
        return img.withChannels(channels);
    }
}
