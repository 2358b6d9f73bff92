package org.atelier.models;

import java.util.List;
import java.util.Map;
import org.atelier.core.image.Image;
import org.atelier.models.common.ParameterStore;

/**
 * What the one training loop needs from a generator family: one optimisation step on a batch,
 * the named losses of that step, and its state (parameters by group, buffers) for checkpoints.
 *
 * <p>The loop owns everything else — optimisers, LR schedule, clipping, EMA, checkpoints,
 * metrics — so a family decides only the order of its sub-steps (a GAN: D then G) and hands
 * each group's gradients to {@link StepContext#update}. This contract lives in {@code models}
 * rather than {@code training} because the families implement it and {@code models} may not
 * depend on {@code training}.
 */
public interface Trainable {
    /** Live parameters by group, and buffers (e.g. batch-norm running statistics). */
    ParameterStore parameters();

    /** Names of the parameters whose exponential moving average is kept and used for sampling. */
    List<String> emaParameters();

    /**
     * One optimisation step. Every random draw comes from {@link StepContext#random()}.
     *
     * @return the step's losses by name, in a stable order (e.g. {@code d_loss}, {@code g_loss})
     */
    Map<String, Double> step(Batch batch, StepContext ctx);

    /**
     * Batches of the loop's batch size this family consumes per step (a WGAN critic trains on
     * a fresh real batch for each of its 5 steps); the loop hands them over as one batch.
     */
    default int batchesPerStep() {
        return 1;
    }

    /**
     * Steps that may pass between the loop's collections ({@code trainer.collect_garbage}): 1 where
     * a step leaves its arrays to the collector (SameDiff graphs: ND4J frees their off-heap memory
     * only when the Java handles are collected), more where a step reuses its arrays and leaves
     * little behind, so that a full collection per step would cost more than it frees.
     */
    default int stepsPerCollection() {
        return 1;
    }

    /**
     * A preview of progress for the sample grid written every K steps: the same inputs every
     * time ({@code fixed} real samples and {@code seed} for noise and masks), so frames are
     * comparable. Called with the EMA weights in place.
     */
    List<Image> preview(Batch fixed, long seed);

    /** Columns of the preview grid (e.g. 2 for inpainting's input/output pairs). */
    default int previewColumns(int n) {
        return (int) Math.ceil(Math.sqrt(n));
    }
}
