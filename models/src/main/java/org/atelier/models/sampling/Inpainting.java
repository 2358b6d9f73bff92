package org.atelier.models.sampling;

import org.atelier.core.errors.InvalidSettingException;
import org.atelier.models.Inpainter;
import org.atelier.models.diffusion.Condition;
import org.atelier.models.diffusion.ConditioningKind;
import org.atelier.models.diffusion.Conditions;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.models.diffusion.RePaintOptions;
import org.atelier.models.diffusion.TrajectoryRecorder;

/**
 * Filling holes with any {@link Inpainter}: {@code Inpainting.filler(model, FillRequest.PLAIN)}
 * gives a {@link Filler}. A diffusion model fills by RePaint with the request's settings and
 * condition; a one-pass inpainter (the inpainting GAN) refuses them.
 */
public final class Inpainting {
    private Inpainting() {
    }

    /** Whether {@code inpainter} fills by a reverse process and so takes RePaint settings and conditions. */
    public static boolean takesSettings(Inpainter inpainter) {
        return inpainter instanceof DiffusionModel;
    }

    /** @throws InvalidSettingException for settings the inpainter does not take, or a condition it does not know */
    public static Filler filler(Inpainter inpainter, FillRequest r) {
        if (!(inpainter instanceof DiffusionModel dm)) {
            if (r.asksDiffusion()) {
                throw new InvalidSettingException("repaint", "settings, conditions and trajectories are for diffusion "
                        + "models");
            }
            return new Filler(inpainter, null, null, null, false, TrajectoryRecorder.off());
        }
        if (r.useLabels() && dm.config().conditioning() != ConditioningKind.CLASS) {
            throw new InvalidSettingException("use_labels", "needs a class-conditional model; this one is conditioned "
                    + "on " + dm.config().conditioning().id());
        }
        Condition c = Conditions.resolve(dm, r.condition(), r.prompt());
        RePaintOptions o = r.repaint().resolve(dm.schedule().steps(), c != null || r.useLabels());
        return new Filler(dm, dm, o, c, r.useLabels(),
                r.trajectory() ? TrajectoryRecorder.evenly(Sampling.TRAJECTORY_FRAMES, 1) : TrajectoryRecorder.off());
    }
}
