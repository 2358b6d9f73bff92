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
    /** {@link #drawn} of a class-conditional model asked for no class: it draws the classes in turn. */
    public static final String EVERY_CLASS_IN_TURN = "every class in turn";

    public Samples {
        images = List.copyOf(images);
    }

    /**
     * The class index each image was drawn under, for a class-conditional model: the one class asked,
     * or the classes in turn (image i under class i mod their number, {@link Sampling}'s rule).
     *
     * @param classes the model's class names ({@code Sampler.conditions()})
     * @throws IllegalStateException when the images were drawn under no class
     */
    public int[] askedClasses(List<String> classes) {
        int[] out = new int[images.size()];
        for (int i = 0; i < out.length; i++) {
            if (classAsked != null) {
                out[i] = classes.indexOf(classAsked);
            } else if (drawn.equals(EVERY_CLASS_IN_TURN)) {
                out[i] = Sampling.classInTurn(i, classes.size());
            } else if (!space.isEmpty() && space.slots().size() == 1 && !asked.equals(space.nullCondition())) {
                out[i] = asked.value(0);
            } else {
                throw new IllegalStateException("these samples were drawn under no class (" + drawn + ")");
            }
        }
        return out;
    }

    /** Whether the images came from a reverse diffusion process (settings, guidance and steps apply). */
    public boolean diffusion() {
        return options != null;
    }

    /**
     * What a grid of these samples shows, in one line for its caption strip:
     * "ddpm-cond-fashion · every class in turn · ddim, 50 steps, eta 0, guidance 3 · seed 0".
     * Guidance is named only where the model takes conditions (it changes nothing otherwise).
     */
    public String caption(String model, long seed) {
        StringBuilder b = new StringBuilder(model).append(" · ").append(drawn);
        if (options != null) {
            b.append(" · ").append(options.sampler().id()).append(", ").append(options.steps()).append(" steps");
            if (options.sampler().id().equals("ddim")) {
                b.append(", eta ").append(plain(options.eta()));
            }
            if (!space.isEmpty()) {
                b.append(", guidance ").append(plain(options.guidance()));
            }
        }
        return b.append(" · seed ").append(seed).toString();
    }

    /** 3.0 as "3", 2.5 as "2.5". */
    private static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
