package org.atelier.models.diffusion;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DDPM ancestral sampling step (Ho et al. 2020, Algorithm 2, written through x̂₀ as in
 * their eq. 7), generalised to a jump t → prev over any timestep spacing.
 *
 * <table>
 *   <caption>Variables and the paper's notation</caption>
 *   <tr><th>here</th><th>paper</th></tr>
 *   <tr><td>at, ap</td><td>ᾱ_t, ᾱ_{t−1}</td></tr>
 *   <tr><td>betaT = 1 − at/ap</td><td>β_t (for prev = t − 1)</td></tr>
 *   <tr><td>x0</td><td>x̂₀, clipped to [−1, 1] when {@code clip}</td></tr>
 *   <tr><td>variance</td><td>β̃_t = (1 − ᾱ_{t−1})/(1 − ᾱ_t)·β_t (the "fixed small" choice)</td></tr>
 * </table>
 *
 * <ol>
 *   <li>x̂₀ from the output ({@link Prediction}); clip.</li>
 *   <li>μ̃ = √ap·βt/(1 − at)·x̂₀ + √(at/ap)·(1 − ap)/(1 − at)·x_t.</li>
 *   <li>x_prev = μ̃ + √β̃·z, z ~ N(0, I); no noise on the step to clean (prev = −1).</li>
 * </ol>
 * With clipping, the posterior mean is taken from the clipped x̂₀ and x_t directly, so no ε
 * needs re-deriving (compare {@link DdimStep}).
 */
public record DdpmStep(NoiseSchedule schedule, Prediction prediction, boolean clip) implements ReverseStep {
    @Override
    public StepOutput step(INDArray output, int t, int prev, INDArray xt, RandomGenerator rng) {
        double at = schedule.alphaBar(t);
        double ap = schedule.alphaBar(prev);
        double betaT = 1 - at / ap;
        INDArray x0 = prediction.x0(output, xt, at, clip);
        double cx0 = Math.sqrt(ap) * betaT / (1 - at);
        double cxt = Math.sqrt(at / ap) * (1 - ap) / (1 - at);
        INDArray mean = x0.mul(cx0).addi(xt.mul(cxt));
        if (prev >= 0) {
            double variance = Math.max(schedule.posteriorVariance(t, prev), 1e-20);
            mean.addi(Noise.like(xt, rng).muli(Math.sqrt(variance)));
        }
        return new StepOutput(mean, x0);
    }

    @Override
    public double finalAlphaBar() {
        return 1.0;
    }
}
