package org.atelier.models.sampling;

import org.atelier.models.diffusion.SamplingOverrides;

/**
 * What a caller asks a {@link org.atelier.models.Sampler} for.
 *
 * @param n          images, ≥ 1
 * @param condition  a class or attribute value by name or index ({@code Sneaker}, {@code 7}, {@code age=old}),
 *                   or null: every class in turn (class-conditional diffusion), uniformly drawn classes (a
 *                   conditional GAN), or unconditional
 * @param prompt     a short prompt (diffusion models with a condition space), or null
 * @param sampling   reverse-process settings; diffusion models only ({@link SamplingOverrides#NONE} elsewhere)
 * @param seed       every random draw of the call comes from it
 * @param trajectory record x_t and x̂₀ of the first (up to four) images at ten steps (diffusion models only)
 */
public record SampleRequest(int n, String condition, String prompt, SamplingOverrides sampling, long seed,
                            boolean trajectory) {
    public SampleRequest {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        sampling = sampling == null ? SamplingOverrides.NONE : sampling;
    }

    /** n images at the model's defaults, unconditioned, no trajectory. */
    public static SampleRequest of(int n, long seed) {
        return new SampleRequest(n, null, null, SamplingOverrides.NONE, seed, false);
    }

    public SampleRequest withCondition(String c) {
        return new SampleRequest(n, c, prompt, sampling, seed, trajectory);
    }

    public SampleRequest withPrompt(String p) {
        return new SampleRequest(n, condition, p, sampling, seed, trajectory);
    }

    public SampleRequest withSampling(SamplingOverrides s) {
        return new SampleRequest(n, condition, prompt, s, seed, trajectory);
    }

    public SampleRequest withTrajectory(boolean t) {
        return new SampleRequest(n, condition, prompt, sampling, seed, t);
    }
}
