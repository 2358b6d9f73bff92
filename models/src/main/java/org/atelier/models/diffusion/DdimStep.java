package org.atelier.models.diffusion;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DDIM step (Song et al. 2021, eq. 12), any jump t → prev, stochasticity η.
 *
 * <table>
 *   <caption>Variables and the paper's notation (the paper writes α for ᾱ)</caption>
 *   <tr><th>here</th><th>paper</th></tr>
 *   <tr><td>at, ap</td><td>α_t, α_{t−1}</td></tr>
 *   <tr><td>x0</td><td>"predicted x₀", (x_t − √(1−α_t)·ε)/√α_t</td></tr>
 *   <tr><td>sigma</td><td>σ_t(η) = η·√((1−α_{t−1})/(1−α_t))·√(1 − α_t/α_{t−1}) (eq. 16)</td></tr>
 * </table>
 *
 * <ol>
 *   <li>x̂₀ and ε̂ from the output ({@link Prediction}).</li>
 *   <li>If {@code clip}: clamp x̂₀ to [−1, 1]; with {@link ClippedEpsilon#REDERIVE}, ε̂ =
 *       (x_t − √at·x̂₀)/√(1 − at) so the step stays consistent with the clipped x̂₀.</li>
 *   <li>σ = η·√(posterior variance(t, prev)).</li>
 *   <li>x_prev = √ap·x̂₀ + √(1 − ap − σ²)·ε̂ + σ·z ("direction pointing to x_t" plus noise).</li>
 * </ol>
 * η = 0 is deterministic DDIM; η = 1 with prev = t − 1 samples DDPM's posterior.
 *
 * @param eta           η ≥ 0
 * @param clip          clamp x̂₀ to [−1, 1]
 * @param clippedEps    which ε̂ to use after clipping (no effect without {@code clip})
 * @param finalAlphaOne the step to clean uses ᾱ = 1 (diffusers' set_alpha_to_one); else ᾱ₀
 */
public record DdimStep(NoiseSchedule schedule, Prediction prediction, double eta, boolean clip,
                       ClippedEpsilon clippedEps, boolean finalAlphaOne) implements ReverseStep {
    public DdimStep {
        if (!(eta >= 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("eta must be >= 0, got " + eta);
        }
    }

    /** The configuration of diffusers' DDIMScheduler test: clip, raw ε, final ᾱ = 1. */
    public static DdimStep diffusersDefaults(NoiseSchedule schedule, Prediction prediction, double eta) {
        return new DdimStep(schedule, prediction, eta, true, ClippedEpsilon.RAW, true);
    }

    @Override
    public double finalAlphaBar() {
        return finalAlphaOne ? 1.0 : schedule.alphaBar(0);
    }

    /** σ² of the jump t → prev at η = 1 (DDIM eq. 16). */
    public double variance(int t, int prev) {
        return schedule.posteriorVariance(t, prev, finalAlphaBar());
    }

    @Override
    public StepOutput step(INDArray output, int t, int prev, INDArray xt, RandomGenerator rng) {
        double at = schedule.alphaBar(t);
        double ap = prev < 0 ? finalAlphaBar() : schedule.alphaBar(prev);
        INDArray x0 = prediction.x0(output, xt, at);
        INDArray eps = prediction.epsilon(output, xt, at);
        if (clip) {
            x0 = Clip.unit(x0);
            if (clippedEps == ClippedEpsilon.REDERIVE) {
                eps = xt.sub(x0.mul(Math.sqrt(at))).divi(Math.sqrt(1 - at));
            }
        }
        double sigma = eta * Math.sqrt(variance(t, prev));
        double direction = Math.sqrt(Math.max(0, 1 - ap - sigma * sigma));
        INDArray prevSample = x0.mul(Math.sqrt(ap)).addi(eps.mul(direction));
        if (sigma > 0) {
            prevSample.addi(Noise.like(xt, rng).muli(sigma));
        }
        return new StepOutput(prevSample, x0);
    }
}
