package org.atelier.models.diffusion;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One step of a reverse process, knowing nothing of the network: given the network's output
 * at x_t and timestep t, return x_prev. The sampler owns the loop (as in diffusers:
 * {@code for t in timesteps: x = step(output, t, x).prevSample}).
 */
public interface ReverseStep {
    /**
     * @param output the network's prediction at (x_t, t)
     * @param t      current timestep in [0, T)
     * @param prev   the earlier timestep, in [−1, t); −1 is "clean"
     * @param xt     the current sample
     * @param rng    source of any fresh noise
     */
    StepOutput step(INDArray output, int t, int prev, INDArray xt, RandomGenerator rng);

    NoiseSchedule schedule();

    /**
     * The step to use for one run of the loop (one chain of timesteps). A single-step method keeps no state and
     * returns itself; a multistep method ({@link DpmSolver2MStep}) returns a fresh one with an empty history.
     */
    default ReverseStep fresh() {
        return this;
    }

    /** ᾱ a step to prev = −1 lands on: 1, or ᾱ₀ where the final ᾱ is not set to one. */
    double finalAlphaBar();
}
