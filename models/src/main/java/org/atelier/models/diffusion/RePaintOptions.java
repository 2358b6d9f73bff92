package org.atelier.models.diffusion;

/**
 * Settings of RePaint inpainting (Lugmayr et al. 2022).
 *
 * @param steps      denoising steps on the way down (1..T), placed by {@code spacing}
 * @param jumpLength j: how many steps a resampling jump goes back up (≥ 1)
 * @param jumpCount  r: how often each jump point is passed (≥ 1; 1 = no resampling)
 * @param eta        η of the DDIM step used for the unknown region (1: DDPM-like ancestral, as in the paper)
 * @param guidance   classifier-free guidance scale (conditional models; see {@link SamplingOptions})
 * @param spacing    timestep spacing
 * @param clippedEps ε after clipping x̂₀ (re-derived by default)
 */
public record RePaintOptions(int steps, int jumpLength, int jumpCount, double eta, double guidance,
                             TimestepSpacing spacing, ClippedEpsilon clippedEps) {
    public static final int DEFAULT_STEPS = 50;
    public static final int DEFAULT_JUMP_LENGTH = 5;
    public static final int DEFAULT_JUMP_COUNT = 5;
    /** Ancestral steps in the hole, as the paper's DDPM sampler. */
    public static final double DEFAULT_ETA = 1.0;

    public RePaintOptions {
        if (steps < 1 || jumpLength < 1 || jumpCount < 1) {
            throw new IllegalArgumentException("steps, jump length and jump count must be >= 1, got " + steps + ", "
                    + jumpLength + ", " + jumpCount);
        }
        if (!(eta >= 0) || !(guidance >= 0) || Double.isInfinite(eta) || Double.isInfinite(guidance)) {
            throw new IllegalArgumentException("eta and guidance must be >= 0, got " + eta + ", " + guidance);
        }
        if (spacing == null || clippedEps == null) {
            throw new IllegalArgumentException("spacing and clippedEps are required");
        }
    }

    /** 50 steps, jumps of 5 passed 5 times, η = 1: about 230 network calls. */
    public static RePaintOptions defaults(double guidance) {
        return new RePaintOptions(DEFAULT_STEPS, DEFAULT_JUMP_LENGTH, DEFAULT_JUMP_COUNT, DEFAULT_ETA, guidance,
                TimestepSpacing.LEADING, ClippedEpsilon.REDERIVE);
    }

    public RePaintOptions withSteps(int s, int length, int count) {
        return new RePaintOptions(s, length, count, eta, guidance, spacing, clippedEps);
    }
}
