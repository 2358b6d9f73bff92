package org.atelier.models.diffusion;

/**
 * How to run a reverse process over a trained model.
 *
 * <p><b>Guidance convention.</b> ε̂ = ε_u + s·(ε_c − ε_u), where ε_c is the network's output
 * with the condition and ε_u with the null token (Ho and Salimans 2021 write
 * (1 + w)·ε_c − w·ε_u, i.e. s = 1 + w). So s = 1 is plain conditional sampling, s = 0 is
 * unconditional, and s &gt; 1 pushes samples towards the condition: {@code --guidance 3} here
 * is w = 2 in the paper's notation.
 *
 * @param sampler    which reverse process ({@link SamplerKind})
 * @param steps      sampling steps (network calls per image, twice that with guidance), 1..T (DDPM with
 *                   steps = T is Ho et al.'s sampler)
 * @param eta        DDIM's η ≥ 0 (0: deterministic; ignored by the other samplers)
 * @param guidance   s ≥ 0 above; ignored for unconditional models
 * @param spacing    where the steps fall among the T timesteps
 * @param clip       clip x̂₀ to [−1, 1] at every step
 * @param clippedEps DDIM's ε after clipping (see {@link ClippedEpsilon}; re-derived by default)
 */
public record SamplingOptions(SamplerKind sampler, int steps, double eta, double guidance, TimestepSpacing spacing,
                              boolean clip, ClippedEpsilon clippedEps) {
    /** The sampler when none is asked for: DDIM, deterministic, good in tens of steps. */
    public static final SamplerKind DEFAULT_SAMPLER = SamplerKind.DDIM;
    /** DDIM's steps when none are asked for (at most the model's T). */
    public static final int DEFAULT_STEPS = 50;
    /** Steps of DPM-Solver++(2M), Euler and Euler ancestral when none are asked for (at most the model's T). */
    public static final int DEFAULT_FEW_STEPS = 20;
    /**
     * Guidance scale s when a condition is asked and none is given: w = 2 in Ho and Salimans'
     * notation, where samples of the committed models follow their class or prompt (DESIGN.md).
     */
    public static final double DEFAULT_GUIDANCE = 3.0;

    public SamplingOptions {
        if (sampler == null || spacing == null || clippedEps == null) {
            throw new IllegalArgumentException("sampler, spacing and clippedEps are required");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (!(eta >= 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("eta must be >= 0, got " + eta);
        }
        if (!(guidance >= 0) || Double.isInfinite(guidance)) {
            throw new IllegalArgumentException("guidance must be >= 0, got " + guidance);
        }
    }

    /**
     * The options a sampler is used with unless told otherwise, for a model of {@code timesteps} training
     * timesteps: its own spacing ({@link SamplerKind#defaultSpacing}), clipping, the re-derived ε, η = 0 for
     * DDIM, guidance {@value #DEFAULT_GUIDANCE}, and {@link #defaultSteps} steps.
     */
    public static SamplingOptions defaults(SamplerKind kind, int timesteps) {
        return new SamplingOptions(kind, defaultSteps(kind, timesteps), kind == SamplerKind.DDPM ? 1.0 : 0.0,
                DEFAULT_GUIDANCE, kind.defaultSpacing(), true, ClippedEpsilon.REDERIVE);
    }

    /** All T for DDPM (Ho et al.'s sampler), {@value #DEFAULT_STEPS} for DDIM, {@value #DEFAULT_FEW_STEPS} for the others (capped at T). */
    public static int defaultSteps(SamplerKind kind, int timesteps) {
        return switch (kind) {
            case DDPM -> timesteps;
            case DDIM -> Math.min(DEFAULT_STEPS, timesteps);
            case DPM_SOLVER_2M, EULER, EULER_ANCESTRAL -> Math.min(DEFAULT_FEW_STEPS, timesteps);
        };
    }

    /** DDIM with leading spacing, clipping and the re-derived ε. */
    public static SamplingOptions ddim(int steps, double eta, double guidance) {
        return new SamplingOptions(SamplerKind.DDIM, steps, eta, guidance, TimestepSpacing.LEADING, true,
                ClippedEpsilon.REDERIVE);
    }

    /** DDPM ancestral sampling with clipping. */
    public static SamplingOptions ddpm(int steps, double guidance) {
        return new SamplingOptions(SamplerKind.DDPM, steps, 1.0, guidance, TimestepSpacing.LEADING, true,
                ClippedEpsilon.REDERIVE);
    }

    /** The step these options describe over a schedule and prediction type. */
    public ReverseStep step(NoiseSchedule schedule, Prediction prediction) {
        if (steps > schedule.steps()) {
            throw new IllegalArgumentException("steps " + steps + " exceed the model's " + schedule.steps() + " timesteps");
        }
        return switch (sampler) {
            case DDPM -> new DdpmStep(schedule, prediction, clip);
            case DDIM -> new DdimStep(schedule, prediction, eta, clip, clippedEps, true);
            case DPM_SOLVER_2M -> new DpmSolver2MStep(schedule, prediction, clip);
            case EULER -> new EulerStep(schedule, prediction, clip);
            case EULER_ANCESTRAL -> new EulerAncestralStep(schedule, prediction, clip);
        };
    }

    public SamplingOptions withGuidance(double s) {
        return new SamplingOptions(sampler, steps, eta, s, spacing, clip, clippedEps);
    }

    public SamplingOptions withSteps(int n) {
        return new SamplingOptions(sampler, n, eta, guidance, spacing, clip, clippedEps);
    }

    public SamplingOptions withSpacing(TimestepSpacing s) {
        return new SamplingOptions(sampler, steps, eta, guidance, s, clip, clippedEps);
    }
}
