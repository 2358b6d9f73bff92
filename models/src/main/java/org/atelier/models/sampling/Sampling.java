package org.atelier.models.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.atelier.core.errors.InvalidSettingException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageGrid;
import org.atelier.models.ConditionNames;
import org.atelier.models.Sampler;
import org.atelier.models.diffusion.Condition;
import org.atelier.models.diffusion.ConditionSpace;
import org.atelier.models.diffusion.ConditioningKind;
import org.atelier.models.diffusion.Conditions;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.models.diffusion.SamplingProgress;
import org.atelier.models.diffusion.SamplingOptions;
import org.atelier.models.diffusion.TrajectoryRecorder;

/**
 * Drawing images from any {@link Sampler}, as {@code atelier sample}, the demo and notebooks do:
 * {@code Sampling.draw(model, SampleRequest.of(16, seed))}. A diffusion model takes the request's
 * reverse-process settings, prompt and trajectory; a one-pass sampler (a GAN) takes a class and
 * refuses the rest.
 */
public final class Sampling {
    /** Frames of a recorded trajectory, noisy to clean. */
    public static final int TRAJECTORY_FRAMES = 10;
    /** Images whose trajectory is recorded. */
    public static final int TRAJECTORY_SAMPLES = 4;

    private Sampling() {
    }

    /**
     * Whether {@code sampler} runs a reverse process and so takes sampling settings, a prompt and
     * a trajectory. (The one place that tells diffusion models from one-pass samplers.)
     */
    public static boolean takesSettings(Sampler sampler) {
        return sampler instanceof DiffusionModel;
    }

    /** @throws InvalidSettingException for settings the sampler does not take, or a condition it does not know */
    public static Samples draw(Sampler sampler, SampleRequest r) {
        return draw(sampler, r, SamplingProgress.NONE);
    }

    /** As above, telling {@code progress} after every network call of a diffusion model (GANs take one pass). */
    public static Samples draw(Sampler sampler, SampleRequest r, SamplingProgress progress) {
        if (sampler instanceof DiffusionModel dm) {
            return diffusion(dm, r, progress);
        }
        if (r.prompt() != null || r.sampling().any() || r.trajectory()) {
            throw new InvalidSettingException("sampling", "settings, prompts and trajectories are for diffusion models");
        }
        OptionalInt cls = r.condition() == null ? OptionalInt.empty()
                : OptionalInt.of(ConditionNames.index(sampler.conditions(), r.condition()));
        long t0 = System.nanoTime();
        List<Image> images = sampler.sample(r.n(), cls, new SplittableRandom(r.seed()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        String name = cls.isPresent() ? sampler.conditions().get(cls.getAsInt()) : null;
        return new Samples(images, ImageGrid.squareColumns(r.n()), name != null ? "class " + name : "unconditional",
                name, null, ConditionSpace.none(), ConditionSpace.none().nullCondition(), null, seconds);
    }

    /** The class image {@code i} is drawn under when a class-conditional model draws its classes in turn. */
    public static int classInTurn(int i, int classes) {
        return i % classes;
    }

    /**
     * Without a condition, a class-conditional model draws the classes in turn (one grid column per
     * class when n is a multiple of their number); an attribute model samples unconditionally.
     */
    private static Samples diffusion(DiffusionModel model, SampleRequest r, SamplingProgress progress) {
        Condition condition = Conditions.resolve(model, r.condition(), r.prompt());
        SamplingOptions o = r.sampling().resolve(model.schedule().steps(), !model.conditionSpace().isEmpty());
        boolean cycle = condition == null && model.config().conditioning() == ConditioningKind.CLASS;
        int classes = cycle ? model.conditions().size() : 0;
        List<Condition> cs = new ArrayList<>(r.n());
        for (int i = 0; i < r.n(); i++) {
            cs.add(condition != null ? condition : cycle ? model.conditionAt(classInTurn(i, classes))
                    : model.conditionSpace().nullCondition());
        }
        TrajectoryRecorder rec = r.trajectory()
                ? TrajectoryRecorder.evenly(TRAJECTORY_FRAMES, Math.min(r.n(), TRAJECTORY_SAMPLES))
                : TrajectoryRecorder.off();
        long t0 = System.nanoTime();
        List<Image> images = model.generate(cs, o, new SplittableRandom(r.seed()), rec, progress);
        double seconds = (System.nanoTime() - t0) / 1e9;
        int columns = cycle && r.n() % classes == 0 ? classes : ImageGrid.squareColumns(r.n());
        String drawn = condition != null ? model.conditionSpace().describe(condition)
                : cycle ? Samples.EVERY_CLASS_IN_TURN : "unconditional";
        return new Samples(images, columns, drawn, null, o, model.conditionSpace(),
                Conditions.orNull(model, condition), r.trajectory() ? rec.trajectory() : null, seconds);
    }
}
