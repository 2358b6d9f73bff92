package org.atelier.cli.diffusion;

import java.nio.file.Path;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.models.diffusion.ClippedEpsilon;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.models.diffusion.SamplerKind;
import org.atelier.models.diffusion.SamplingOptions;
import org.atelier.models.diffusion.TimestepSpacing;
import picocli.CommandLine.Option;

/**
 * The reverse-process options of {@code sample} and {@code vary} for diffusion runs. Every field
 * is null unless given, so GAN runs can refuse them and defaults can depend on the sampler.
 */
public final class SamplingFlags {
    @Option(names = "--sampler", paramLabel = "ddpm|ddim|dpm++2m|euler|euler-a",
            description = "Diffusion runs: the sampler (default ddim); docs/diffusion-samplers.md compares them.")
    public String sampler;

    @Option(names = "--steps", paramLabel = "N",
            description = "Diffusion runs: sampling steps (default 50 for ddim, 20 for dpm++2m, euler and euler-a, "
                    + "all T for ddpm).")
    public Integer steps;

    @Option(names = "--eta", paramLabel = "ETA", description = "Diffusion runs: DDIM's eta >= 0 (default 0, deterministic).")
    public Double eta;

    @Option(names = "--guidance", paramLabel = "S",
            description = "Diffusion runs: classifier-free guidance, eps = eps_u + S (eps_c - eps_u); 1 = plain "
                    + "conditional, 0 = unconditional (default 3).")
    public Double guidance;

    @Option(names = "--spacing", paramLabel = "leading|trailing|karras",
            description = "Diffusion runs: where the steps fall among the T timesteps (default leading for ddpm and "
                    + "ddim: t = k*floor(T/N), e.g. 900..0 for N = 10; karras, Karras et al.'s sigma grid, for the others).")
    public String spacing;

    @Option(names = "--clipped-eps", paramLabel = "rederive|raw",
            description = "Diffusion runs, ddim: after clipping x0 to [-1, 1], re-derive eps from it (default, "
                    + "GLIDE) or keep the network's (diffusers' default; guided samples saturate).")
    public String clippedEps;

    @Option(names = "--trajectory", paramLabel = "PNG",
            description = "Diffusion runs: also write the reverse trajectory of the first images (x_t above, "
                    + "predicted x0 below, 10 steps left to right).")
    public Path trajectory;

    /** True when any diffusion-only flag was given (GAN runs refuse them). */
    public boolean any() {
        return sampler != null || steps != null || eta != null || guidance != null || spacing != null
                || clippedEps != null || trajectory != null;
    }

    /** The options for {@code model}, defaults filled in. */
    public SamplingOptions resolve(DiffusionModel model) {
        SamplerKind kind = parse("--sampler", () -> sampler == null ? SamplerKind.DDIM : SamplerKind.parse(sampler));
        int T = model.schedule().steps();
        SamplingOptions d = SamplingOptions.defaults(kind, T);
        int n = steps != null ? steps : d.steps();
        if (n < 1 || n > T) {
            throw new InvalidInputException("--steps must be in 1.." + T + " (the model's timesteps), got " + n);
        }
        double e = eta == null ? d.eta() : eta;
        double s = guidance == null ? d.guidance() : guidance;
        if (!(e >= 0) || !(s >= 0) || Double.isInfinite(e) || Double.isInfinite(s)) {
            throw new InvalidInputException("--eta and --guidance must be finite and >= 0, got " + e + " and " + s);
        }
        if (kind != SamplerKind.DDIM && eta != null) {
            throw new InvalidInputException("--eta is DDIM's; " + kind.id() + " does not take it (ddpm and euler-a "
                    + "draw the posterior's noise, as --sampler ddim --eta 1 does)");
        }
        TimestepSpacing sp = spacing == null ? d.spacing() : parse("--spacing", () -> TimestepSpacing.parse(spacing));
        ClippedEpsilon ce = clippedEps == null ? d.clippedEps() : parse("--clipped-eps", () -> ClippedEpsilon.parse(clippedEps));
        return new SamplingOptions(kind, n, e, s, sp, d.clip(), ce);
    }

    static <T> T parse(String flag, java.util.function.Supplier<T> f) {
        try {
            return f.get();
        } catch (IllegalArgumentException ex) {
            throw new InvalidInputException(flag + ": " + ex.getMessage());
        }
    }
}
