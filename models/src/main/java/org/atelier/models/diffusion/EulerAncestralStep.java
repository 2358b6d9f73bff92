package org.atelier.models.diffusion;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Euler-ancestral: the {@link EulerStep} down to a lower noise level σ_down, then fresh noise of
 * standard deviation σ_up so that the sample lands at σ_next with the variance an ancestral (DDPM-like)
 * step gives — the sampler of Karras et al. 2022's code base ({@code sample_euler_ancestral} of
 * k-diffusion) and diffusers' EulerAncestralDiscreteScheduler, in the σ-parametrisation of Karras et al.
 * 2022 (x̃ = x_t/√ᾱ_t = x₀ + σ·ε).
 *
 * <table>
 *   <caption>Variables and the notation of the σ-parametrisation</caption>
 *   <tr><th>here</th><th>notation</th></tr>
 *   <tr><td>sigma, sigmaNext</td><td>σ_i, σ_{i+1} ({@link NoiseSchedule#sigma}; 0 for clean)</td></tr>
 *   <tr><td>sigmaUp</td><td>σ_up = √(σ_{i+1}²·(σ_i² − σ_{i+1}²)/σ_i²)</td></tr>
 *   <tr><td>sigmaDown</td><td>σ_down = √(σ_{i+1}² − σ_up²)</td></tr>
 *   <tr><td>xs = x_t/√ᾱ_t, x0, d</td><td>x_i, D_θ(x_i; σ_i), d_i = (x_i − D)/σ_i</td></tr>
 * </table>
 *
 * <ol>
 *   <li>x̂₀ from the output; clip to [−1, 1] if {@code clip}; d = (x̃ − x̂₀)/σ.</li>
 *   <li>x̃_next = x̃ + (σ_down − σ)·d + σ_up·z, z ~ N(0, I) (no noise on the step to clean, where σ_up = 0).</li>
 *   <li>x_prev = √ᾱ_prev·x̃_next.</li>
 * </ol>
 * With ε-prediction this is DDIM with η = 1 between the same timesteps (σ_up·√ᾱ_prev is DDIM's σ_t(η = 1)).
 */
public record EulerAncestralStep(NoiseSchedule schedule, Prediction prediction, boolean clip) implements ReverseStep {
    @Override
    public StepOutput step(INDArray output, int t, int prev, INDArray xt, RandomGenerator rng) {
        double at = schedule.alphaBar(t);
        INDArray x0 = prediction.x0(output, xt, at, clip);
        double sigma = schedule.sigma(t);
        double sigmaNext = schedule.sigma(prev);
        double sigmaUp = Math.sqrt(sigmaNext * sigmaNext * (sigma * sigma - sigmaNext * sigmaNext) / (sigma * sigma));
        double sigmaDown = Math.sqrt(sigmaNext * sigmaNext - sigmaUp * sigmaUp);
        INDArray next = EulerStep.toSigma(xt.div(Math.sqrt(at)), x0, sigma, sigmaDown);
        if (sigmaUp > 0) {
            next.addi(Noise.like(xt, rng).muli(sigmaUp));
        }
        return new StepOutput(next.muli(Math.sqrt(schedule.alphaBar(prev))), x0);
    }

    @Override
    public double finalAlphaBar() {
        return 1.0;
    }
}
