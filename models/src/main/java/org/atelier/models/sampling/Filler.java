package org.atelier.models.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.atelier.core.image.Image;
import org.atelier.core.random.Seeds;
import org.atelier.datasets.masks.Mask;
import org.atelier.models.Inpainter;
import org.atelier.models.diffusion.Condition;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.models.diffusion.RePaintOptions;
import org.atelier.models.diffusion.Trajectory;
import org.atelier.models.diffusion.TrajectoryRecorder;

/**
 * An inpainter set up for one kind of fill ({@link Inpainting#filler}): RePaint with resolved
 * options and conditions for a diffusion model, one pass per image otherwise. Known pixels come
 * back exactly as given.
 */
public final class Filler {
    private final Inpainter inpainter;
    private final DiffusionModel diffusion;
    private final RePaintOptions options;
    private final Condition fixed;
    private final boolean useLabels;
    private final TrajectoryRecorder recorder;

    Filler(Inpainter inpainter, DiffusionModel diffusion, RePaintOptions options, Condition fixed, boolean useLabels,
           TrajectoryRecorder recorder) {
        this.inpainter = inpainter;
        this.diffusion = diffusion;
        this.options = options;
        this.fixed = fixed;
        this.useLabels = useLabels;
        this.recorder = recorder;
    }

    public Inpainter inpainter() {
        return inpainter;
    }

    /** Whether a batch is filled together from one random source (RePaint), rather than image by image. */
    public boolean batched() {
        return diffusion != null;
    }

    /** RePaint's options, or null for a one-pass inpainter. */
    public RePaintOptions options() {
        return options;
    }

    /** Whether fills are conditioned on each image's own class. */
    public boolean useLabels() {
        return useLabels;
    }

    /** The fixed condition asked for, or null. */
    public Condition condition() {
        return fixed;
    }

    /** The first fill's recorded trajectory, or null when none was asked. */
    public Trajectory trajectory() {
        return recorder.enabled() ? recorder.trajectory() : null;
    }

    /**
     * Fills a batch from one random source: RePaint walks all of them together. Only for
     * {@link #batched()} fillers.
     *
     * @param labels each image's class (used when {@link #useLabels()}); may be empty otherwise
     */
    public List<Image> fillBatch(List<Image> images, List<Mask> masks, List<Integer> labels, RandomGenerator rng) {
        if (!batched()) {
            throw new IllegalStateException("a one-pass inpainter fills image by image");
        }
        List<Condition> conditions = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            conditions.add(useLabels ? diffusion.conditionAt(labels.get(i))
                    : fixed != null ? fixed : diffusion.conditionSpace().nullCondition());
        }
        return diffusion.inpaint(images, masks, conditions, options, rng, recorder);
    }

    /** Fills one image of a one-pass inpainter with its own random source. */
    public Image fillEach(Image image, Mask mask, RandomGenerator rng) {
        return inpainter.inpaint(image, mask, rng);
    }

    /**
     * Fills one image from {@code seed}: RePaint from the seed's {@code repaint} stream, a one-pass
     * inpainter from the seed itself (what {@code atelier inpaint} does).
     */
    public Image fillOne(Image image, Mask mask, int label, long seed) {
        if (batched()) {
            return fillBatch(List.of(image), List.of(mask), List.of(label),
                    new SplittableRandom(Seeds.derive(seed, "repaint"))).get(0);
        }
        return fillEach(image, mask, new SplittableRandom(seed));
    }
}
