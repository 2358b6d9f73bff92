package org.atelier.training;

import java.nio.file.Path;

/**
 * How a call to {@link Trainer#train} ended.
 *
 * @param completed      true when all steps ran; false when stopped by a {@link StopSignal}
 * @param step           steps completed
 * @param stepsThisCall  steps run by this call (fewer than {@code step} after a resume)
 * @param wallSeconds    wall-clock time of this call, including checkpoints and sample grids
 * @param imagesPerSecond training images per second of step time in this call
 * @param lastCheckpoint the newest checkpoint written
 * @param rollbacks      rollbacks by the divergence guard so far
 */
public record TrainResult(boolean completed, long step, long stepsThisCall, double wallSeconds,
                          double imagesPerSecond, Path lastCheckpoint, int rollbacks) {
}
