package org.atelier.models.diffusion;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DPM-Solver++(2M) (Lu et al. 2022, "DPM-Solver++: Fast Solver for Guided Sampling of Diffusion
 * Probabilistic Models", Algorithm 2): a second-order multistep solver of the diffusion ODE in
 * data-prediction form. Each step reuses the x̂₀ of the previous step, so one network call per step
 * buys a second-order update. Deterministic: it draws no noise.
 *
 * <table>
 *   <caption>Variables and the paper's notation</caption>
 *   <tr><th>here</th><th>paper</th></tr>
 *   <tr><td>alpha(t) = √ᾱ_t, sigma(t) = √(1 − ᾱ_t)</td><td>α_t, σ_t</td></tr>
 *   <tr><td>lambda(t) = ln(α_t/σ_t)</td><td>λ_t, the half log-SNR</td></tr>
 *   <tr><td>x0</td><td>x_θ(x̃_{t_{i−1}}, t_{i−1}), the data prediction (clipped when {@code clip})</td></tr>
 *   <tr><td>lastX0, lastLambda</td><td>x_θ at t_{i−2} and λ_{t_{i−2}}</td></tr>
 *   <tr><td>h, hLast, r = hLast/h</td><td>h_i = λ_{t_i} − λ_{t_{i−1}}, h_{i−1}, r_i</td></tr>
 *   <tr><td>d</td><td>D_i</td></tr>
 * </table>
 *
 * <ol>
 *   <li>x̂₀ from the output ({@link Prediction}); clip to [−1, 1] if {@code clip} (static thresholding).</li>
 *   <li>h = λ(prev) − λ(t).</li>
 *   <li>First step of a run, or the step to clean (σ = 0, where h is infinite): D = x̂₀ (first order,
 *       DPM-Solver++(1), which is DDIM). Otherwise r = hLast/h and D = (1 + 1/(2r))·x̂₀ − (1/(2r))·lastX0.</li>
 *   <li>x_prev = (σ_prev/σ_t)·x_t − α_prev·(e^(−h) − 1)·D; to clean, x_prev = D.</li>
 * </ol>
 * The step to clean is first order as in diffusers' DPMSolverMultistepScheduler with {@code final_sigmas_type
 * = "zero"}. Not thread-safe and stateful within a run: {@link #fresh()} gives each run its own history.
 */
public final class DpmSolver2MStep implements ReverseStep {
    private final NoiseSchedule schedule;
    private final Prediction prediction;
    private final boolean clip;
    private INDArray lastX0;
    private double lastLambda = Double.NaN;
    private int lastT = Integer.MIN_VALUE;

    /** @param clip clamp x̂₀ to [−1, 1] before it enters the update */
    public DpmSolver2MStep(NoiseSchedule schedule, Prediction prediction, boolean clip) {
        this.schedule = schedule;
        this.prediction = prediction;
        this.clip = clip;
    }

    @Override
    public ReverseStep fresh() {
        return new DpmSolver2MStep(schedule, prediction, clip);
    }

    @Override
    public NoiseSchedule schedule() {
        return schedule;
    }

    @Override
    public double finalAlphaBar() {
        return 1.0;
    }

    private double lambda(int t) {
        double a = schedule.alphaBar(t);
        return 0.5 * Math.log(a / (1 - a));
    }

    @Override
    public StepOutput step(INDArray output, int t, int prev, INDArray xt, RandomGenerator rng) {
        double at = schedule.alphaBar(t);
        INDArray x0 = prediction.x0(output, xt, at, clip);
        if (lastX0 != null && lastT <= t) {
            throw new IllegalStateException("DPM-Solver++ steps must go down in t within a run (" + lastT + " then " + t
                    + "); use fresh() for a new run");
        }
        double lt = lambda(t);
        INDArray prevSample;
        if (prev < 0) {
            prevSample = x0.dup();
        } else {
            double ap = schedule.alphaBar(prev);
            double h = lambda(prev) - lt;
            INDArray d = x0;
            if (lastX0 != null) {
                double r = (lt - lastLambda) / h;
                d = x0.mul(1 + 1 / (2 * r)).subi(lastX0.mul(1 / (2 * r)));
            }
            prevSample = xt.mul(Math.sqrt((1 - ap) / (1 - at))).subi(d.mul(Math.sqrt(ap) * Math.expm1(-h)));
        }
        lastX0 = x0;
        lastLambda = lt;
        lastT = t;
        return new StepOutput(prevSample, x0);
    }
}
