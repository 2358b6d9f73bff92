package org.atelier.cli.diffusion;

import java.nio.file.Path;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.models.diffusion.ClippedEpsilon;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.models.diffusion.RePaintOptions;
import org.atelier.models.diffusion.TimestepSpacing;
import picocli.CommandLine.Option;

/** RePaint's options for {@code inpaint} and {@code outpaint} on diffusion runs; null unless given. */
public final class RePaintFlags {
    @Option(names = "--steps", paramLabel = "N", description = "Diffusion runs: RePaint steps on the way down (default 50).")
    public Integer steps;

    @Option(names = "--jump-length", paramLabel = "J",
            description = "Diffusion runs: steps a RePaint resampling jump goes back (default 5).")
    public Integer jumpLength;

    @Option(names = "--jump-count", paramLabel = "R",
            description = "Diffusion runs: times each jump point is passed; 1 = no resampling (default 5).")
    public Integer jumpCount;

    @Option(names = "--eta", paramLabel = "ETA",
            description = "Diffusion runs: eta of the steps in the hole (default 1, ancestral as in the RePaint paper).")
    public Double eta;

    @Option(names = "--guidance", paramLabel = "S",
            description = "Diffusion runs: classifier-free guidance scale with --class/--prompt (default 3).")
    public Double guidance;

    @Option(names = "--trajectory", paramLabel = "PNG",
            description = "Diffusion runs: also write the RePaint trajectory (x_t above, predicted x0 below).")
    public Path trajectory;

    public boolean any() {
        return steps != null || jumpLength != null || jumpCount != null || eta != null || guidance != null
                || trajectory != null;
    }

    /** The options for {@code model}; guidance defaults to 3 for a given condition and 1 (plain) without one. */
    public RePaintOptions resolve(DiffusionModel model, boolean conditioned) {
        int T = model.schedule().steps();
        int n = steps == null ? Math.min(50, T) : steps;
        int j = jumpLength == null ? 5 : jumpLength;
        int r = jumpCount == null ? 5 : jumpCount;
        if (n < 1 || n > T || j < 1 || j >= Math.max(2, n) || r < 1 || r > 50) {
            throw new InvalidInputException("need 1 <= --steps <= " + T + ", 1 <= --jump-length < steps and "
                    + "1 <= --jump-count <= 50; got " + n + ", " + j + ", " + r);
        }
        double e = eta == null ? 1.0 : eta;
        double s = guidance == null ? (conditioned ? 3.0 : 1.0) : guidance;
        if (!(e >= 0) || !(s >= 0) || Double.isInfinite(e) || Double.isInfinite(s)) {
            throw new InvalidInputException("--eta and --guidance must be finite and >= 0, got " + e + " and " + s);
        }
        return new RePaintOptions(n, j, r, e, s, TimestepSpacing.LEADING, ClippedEpsilon.REDERIVE);
    }
}
