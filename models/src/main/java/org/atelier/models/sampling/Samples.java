package org.atelier.models.sampling;

import java.util.List;
import org.atelier.core.image.Image;
import org.atelier.models.diffusion.Condition;
import org.atelier.models.diffusion.ConditionSpace;
import org.atelier.models.diffusion.SamplingOptions;
import org.atelier.models.diffusion.Trajectory;

/**
 * What {@link Sampling#draw} drew.
 *
 * @param images     (C, H, W) in [-1, 1], in the order drawn
 * @param columns    grid columns that show them best (one per class when classes were drawn in turn)
 * @param drawn      what was asked, in words: "every class in turn", "unconditional", "class=Sneaker", …
 * @param classAsked for a one-pass sampler asked for one class, its name; else null
 * @param options    the reverse process used (diffusion), or null for one-pass samplers
 * @param space      the model's condition space (empty for a GAN), for reading samples back
 * @param asked      the condition every image was drawn under, or the null condition when none was asked
 * @param trajectory the recorded frames, or null when none were asked
 * @param seconds    wall-clock time of the drawing
 */
public record Samples(List<Image> images, int columns, String drawn, String classAsked, SamplingOptions options,
                      ConditionSpace space, Condition asked, Trajectory trajectory, double seconds) {
    public Samples {
        images = List.copyOf(images);
    }

    /** Whether the images came from a reverse diffusion process (settings, guidance and steps apply). */
    public boolean diffusion() {
        return options != null;
    }
}
