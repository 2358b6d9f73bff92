package org.atelier.models.diffusion;

import java.util.List;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The reverse loop shared by every sampler and SDEdit: for each timestep t_i of a descending
 * list, ask the denoiser for its output at (x, t_i) and let the {@link ReverseStep} take x to
 * t_{i+1} (the last step goes to clean, −1). Each run gets its own {@link ReverseStep#fresh() step},
 * so a multistep method starts with an empty history.
 */
public final class ReverseSampler {
    private ReverseSampler() {
    }

    /**
     * @param timesteps descending timesteps ({@link NoiseSchedule#timesteps})
     * @param from      index of the first step to take (0 for sampling from noise; SDEdit starts later)
     * @param x         the sample at {@code timesteps[from]}
     * @param conditions per-sample conditions (empty for an unconditional model)
     * @return x̂ at clean, values clipped to [−1, 1] only if the step clips (callers clamp for display)
     */
    public static INDArray run(Denoiser denoiser, ReverseStep step, int[] timesteps, int from, INDArray x,
                               List<Condition> conditions, RandomGenerator rng, TrajectoryRecorder recorder) {
        return run(denoiser, step, timesteps, from, x, conditions, rng, recorder,
                SamplingProgress.NONE.counter(timesteps.length - from));
    }

    /** As above, ticking {@code progress} after every network call. */
    public static INDArray run(Denoiser denoiser, ReverseStep step, int[] timesteps, int from, INDArray x,
                               List<Condition> conditions, RandomGenerator rng, TrajectoryRecorder recorder,
                               SamplingProgress.Counter progress) {
        ReverseStep run = step.fresh();
        recorder.start(timesteps.length - from);
        for (int i = from; i < timesteps.length; i++) {
            int t = timesteps[i];
            int prev = i + 1 < timesteps.length ? timesteps[i + 1] : -1;
            INDArray out = denoiser.predict(x, t, conditions);
            StepOutput s = run.step(out, t, prev, x, rng);
            recorder.offer(i - from, t, x, s.predictedX0());
            x = s.prevSample();
            progress.tick();
        }
        return x;
    }
}
