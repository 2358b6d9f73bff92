package org.atelier.training;

import org.atelier.models.Trainable;

/**
 * A callback the loop runs every {@link #every()} steps with the EMA weights in place — the
 * hook through which the CLI wires periodic evaluation in, so training knows nothing of it.
 */
public interface StepListener {
    long every();

    /** @param step steps completed */
    void onStep(long step, Trainable model);
}
