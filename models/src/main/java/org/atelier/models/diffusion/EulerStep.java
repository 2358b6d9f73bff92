package org.atelier.models.diffusion;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Euler's method on the probability-flow ODE in the σ-parametrisation of Karras et al. 2022
 * ("Elucidating the Design Space of Diffusion-Based Generative Models", eq. 1 and Algorithm 1 without
 * churn): with x̃ = x_t/√ᾱ_t = x₀ + σ·ε, dx̃/dσ = (x̃ − D(x̃; σ))/σ, where D is the denoiser.
 *
 * <table>
 *   <caption>Variables and the paper's notation</caption>
 *   <tr><th>here</th><th>paper</th></tr>
 *   <tr><td>sigma, sigmaNext</td><td>σ_i = σ(t_i), σ_{i+1} ({@link NoiseSchedule#sigma}; 0 for clean)</td></tr>
 *   <tr><td>xs = x_t/√ᾱ_t</td><td>x_i (the sample at noise level σ_i, not scaled)</td></tr>
 *   <tr><td>x0</td><td>D_θ(x_i; σ_i), clipped to [−1, 1] when {@code clip}</td></tr>
 *   <tr><td>d = (xs − x0)/σ</td><td>d_i</td></tr>
 * </table>
 *
 * <ol>
 *   <li>x̂₀ from the output ({@link Prediction}); clip to [−1, 1] if {@code clip}.</li>
 *   <li>d = (x̃ − x̂₀)/σ; x̃_next = x̃ + (σ_next − σ)·d.</li>
 *   <li>Back to the network's scale: x_prev = √ᾱ_prev·x̃_next (to clean, x̃_next = x̂₀).</li>
 * </ol>
 * With ε-prediction d is ε (re-derived from the clipped x̂₀ when clipping), and the update equals a DDIM
 * step (η = 0) between the same timesteps (x̃_next = x̂₀ + σ_next·ε either way; SamplersTest checks it): the
 * two differ by the timesteps they are run on, Euler taking Karras et al.'s σ grid
 * ({@link TimestepSpacing#KARRAS}) by default. diffusers' EulerDiscreteScheduler is this step, its network
 * input x̃/√(σ² + 1) being x_t.
 */
public record EulerStep(NoiseSchedule schedule, Prediction prediction, boolean clip) implements ReverseStep {
    @Override
    public StepOutput step(INDArray output, int t, int prev, INDArray xt, RandomGenerator rng) {
        double at = schedule.alphaBar(t);
        INDArray x0 = prediction.x0(output, xt, at, clip);
        INDArray next = toSigma(xt.div(Math.sqrt(at)), x0, schedule.sigma(t), schedule.sigma(prev));
        return new StepOutput(next.muli(Math.sqrt(schedule.alphaBar(prev))), x0);
    }

    /** One Euler step of the ODE from x̃ at σ to level {@code target}: x̃ + (target − σ)·(x̃ − x̂₀)/σ (x̃ is reused). */
    static INDArray toSigma(INDArray xs, INDArray x0, double sigma, double target) {
        return xs.addi(xs.sub(x0).muli((target - sigma) / sigma));
    }

    @Override
    public double finalAlphaBar() {
        return 1.0;
    }
}
