package org.atelier.cli.generate;

import java.nio.file.Path;
import org.atelier.models.diffusion.RePaintOverrides;
import picocli.CommandLine.Option;

/** RePaint's options for {@code inpaint}, {@code outpaint} and {@code inpaint-eval} on diffusion runs; null unless given. */
public final class RePaintFlags {
    @Option(names = "--steps", paramLabel = "N", description = "Diffusion runs: RePaint steps on the way down (default 50).")
    Integer steps;

    @Option(names = "--jump-length", paramLabel = "J",
            description = "Diffusion runs: steps a RePaint resampling jump goes back (default 5).")
    Integer jumpLength;

    @Option(names = "--jump-count", paramLabel = "R",
            description = "Diffusion runs: times each jump point is passed; 1 = no resampling (default 5).")
    Integer jumpCount;

    @Option(names = "--eta", paramLabel = "ETA",
            description = "Diffusion runs: eta of the steps in the hole (default 1, ancestral as in the RePaint paper).")
    Double eta;

    @Option(names = "--guidance", paramLabel = "S",
            description = "Diffusion runs: classifier-free guidance scale when a condition is given (default 3).")
    Double guidance;

    @Option(names = "--trajectory", paramLabel = "PNG",
            description = "Diffusion runs: also write the RePaint trajectory (x_t above, predicted x0 below).")
    public Path trajectory;

    public boolean any() {
        return overrides().any() || trajectory != null;
    }

    /** The flags as the library takes them (defaults and ranges are its). */
    public RePaintOverrides overrides() {
        return new RePaintOverrides(steps, jumpLength, jumpCount, eta, guidance);
    }
}
