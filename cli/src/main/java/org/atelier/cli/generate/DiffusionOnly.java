package org.atelier.cli.generate;

import org.atelier.core.errors.InvalidInputException;
import org.atelier.training.Runs;

/** The refusal of diffusion-only flags given for a run of another family (a GAN). */
public final class DiffusionOnly {
    private DiffusionOnly() {
    }

    /**
     * @param takesThem whether the loaded model takes them ({@code Sampling.takesSettings}, {@code Inpainting.takesSettings})
     * @param given     whether any of them was given
     * @param flags     their names as the refusal lists them, e.g. "--steps, --eta and --trajectory"
     */
    public static void refuseUnless(boolean takesThem, boolean given, String flags, Runs.Loaded loaded) {
        if (!takesThem && given) {
            throw new InvalidInputException(flags + " are for diffusion runs; " + loaded.dir().root() + " is a "
                    + loaded.family() + " run");
        }
    }
}
