package org.atelier.models;

import java.util.random.RandomGenerator;
import org.atelier.core.image.Image;
import org.atelier.datasets.masks.Mask;

/** Capability: fills the hole of an image (mask 1 = hole); the known pixels come back unchanged. */
public interface Inpainter {
    int channels();

    int height();

    int width();

    /**
     * @param image (C, H, W) in [-1, 1], of this inpainter's size
     * @param mask  of the image's height and width
     * @return the image with the hole filled and every known pixel exactly as given
     */
    Image inpaint(Image image, Mask mask, RandomGenerator rng);
}
