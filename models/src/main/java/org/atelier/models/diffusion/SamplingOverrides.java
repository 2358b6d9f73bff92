package org.atelier.models.diffusion;

import org.atelier.core.errors.InvalidSettingException;

/**
 * The sampling settings a caller chose, each null for "the default": what a command line, a
 * config or a notebook cell hands over. {@link #resolve} fills in the defaults of
 * {@link SamplingOptions} and checks every range against the model's T, so every front end
 * samples with the same defaults and refuses the same values.
 *
 * @param sampler    null: {@link SamplingOptions#DEFAULT_SAMPLER}
 * @param steps      null: {@link SamplingOptions#defaultSteps} (all T for DDPM, 50 for DDIM, 20 for the others)
 * @param eta        DDIM only; null: 0 (deterministic)
 * @param guidance   null: {@link SamplingOptions#DEFAULT_GUIDANCE} when a condition is asked, else 1
 * @param spacing    null: the sampler's own ({@link SamplerKind#defaultSpacing})
 * @param clippedEps null: re-derived
 */
public record SamplingOverrides(SamplerKind sampler, Integer steps, Double eta, Double guidance,
                                TimestepSpacing spacing, ClippedEpsilon clippedEps) {
    /** Every setting at its default. */
    public static final SamplingOverrides NONE = new SamplingOverrides(null, null, null, null, null, null);

    /** True when any setting was chosen. */
    public boolean any() {
        return sampler != null || steps != null || eta != null || guidance != null || spacing != null
                || clippedEps != null;
    }

    /**
     * The options for a model with {@code timesteps} training timesteps.
     *
     * @param conditioned whether samples are drawn under a condition (the guidance default applies)
     * @throws InvalidSettingException naming the first setting out of range
     */
    public SamplingOptions resolve(int timesteps, boolean conditioned) {
        SamplerKind kind = sampler == null ? SamplingOptions.DEFAULT_SAMPLER : sampler;
        SamplingOptions d = SamplingOptions.defaults(kind, timesteps);
        int n = steps != null ? steps : d.steps();
        if (n < 1 || n > timesteps) {
            throw new InvalidSettingException("steps", "must be in 1.." + timesteps + " (the model's timesteps), got " + n);
        }
        double e = eta == null ? d.eta() : eta;
        double s = guidance != null ? guidance : conditioned ? d.guidance() : 1.0;
        requireScale("eta", e);
        requireScale("guidance", s);
        if (kind != SamplerKind.DDIM && eta != null) {
            throw new InvalidSettingException("eta", "is DDIM's; " + kind.id() + " does not take it (ddpm and euler-a "
                    + "draw the posterior's noise, as the ddim sampler with eta 1 does)");
        }
        return new SamplingOptions(kind, n, e, s, spacing == null ? d.spacing() : spacing, d.clip(),
                clippedEps == null ? d.clippedEps() : clippedEps);
    }

    /** A finite value ≥ 0 (η, a guidance scale). */
    static void requireScale(String setting, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new InvalidSettingException(setting, "must be finite and >= 0, got " + v);
        }
    }
}
