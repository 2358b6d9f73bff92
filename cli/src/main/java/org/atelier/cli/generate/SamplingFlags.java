package org.atelier.cli.generate;

import java.nio.file.Path;
import java.util.function.Function;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.models.diffusion.ClippedEpsilon;
import org.atelier.models.diffusion.SamplerKind;
import org.atelier.models.diffusion.SamplingOverrides;
import org.atelier.models.diffusion.TimestepSpacing;
import picocli.CommandLine.Option;

/**
 * The reverse-process options of {@code sample} and {@code vary} for diffusion runs. Every field
 * is null unless given (the defaults live in the library's {@link SamplingOverrides}), so GAN runs
 * can refuse them.
 */
public final class SamplingFlags {
    @Option(names = "--sampler", paramLabel = "ddpm|ddim|dpm++2m|euler|euler-a",
            description = "Diffusion runs: the sampler (default ddim); docs/diffusion.md compares them.")
    String sampler;

    @Option(names = "--steps", paramLabel = "N",
            description = "Diffusion runs: sampling steps (default 50 for ddim, 20 for dpm++2m, euler and euler-a, "
                    + "all T for ddpm).")
    Integer steps;

    @Option(names = "--eta", paramLabel = "ETA", description = "Diffusion runs: DDIM's eta >= 0 (default 0, deterministic).")
    Double eta;

    @Option(names = "--guidance", paramLabel = "S",
            description = "Diffusion runs: classifier-free guidance, eps = eps_u + S (eps_c - eps_u); 1 = plain "
                    + "conditional, 0 = unconditional (default 3).")
    Double guidance;

    @Option(names = "--spacing", paramLabel = "leading|trailing|karras",
            description = "Diffusion runs: where the steps fall among the T timesteps (default leading for ddpm and "
                    + "ddim: t = k*floor(T/N), e.g. 900..0 for N = 10; karras, Karras et al.'s sigma grid, for the others).")
    String spacing;

    @Option(names = "--clipped-eps", paramLabel = "rederive|raw",
            description = "Diffusion runs, ddim: after clipping x0 to [-1, 1], re-derive eps from it (default, "
                    + "GLIDE) or keep the network's (diffusers' default; guided samples saturate).")
    String clippedEps;

    @Option(names = "--trajectory", paramLabel = "PNG",
            description = "Diffusion runs: also write the reverse trajectory of the first images (x_t above, "
                    + "predicted x0 below, 10 steps left to right).")
    Path trajectory;

    /** True when any diffusion-only flag was given (GAN runs refuse them). */
    boolean any() {
        return sampler != null || steps != null || eta != null || guidance != null || spacing != null
                || clippedEps != null || trajectory != null;
    }

    /** The flags as the library takes them; an unknown sampler, spacing or mode names its flag. */
    SamplingOverrides overrides() {
        return new SamplingOverrides(parse("--sampler", sampler, SamplerKind::parse), steps, eta, guidance,
                parse("--spacing", spacing, TimestepSpacing::parse), parse("--clipped-eps", clippedEps, ClippedEpsilon::parse));
    }

    /** {@code value} parsed by {@code parser}; null stays null. */
    static <T> T parse(String flag, String value, Function<String, T> parser) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException ex) {
            throw new InvalidInputException(flag + ": " + ex.getMessage());
        }
    }
}
