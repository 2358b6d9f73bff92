package org.atelier.training.checkpoint;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything a run needs to continue exactly: the trainable's parameters and buffers, the
 * EMA, each group's optimiser state, and the loop's bookkeeping ({@link CheckpointMeta}).
 * Arrays are held as given (the writer copies nothing; the reader returns fresh arrays).
 *
 * @param meta       step, lr scale, rollbacks, RNG state, optimiser counters, metric window, guard state
 * @param parameters parameter name to value
 * @param buffers    buffer name to value (batch-norm running statistics)
 * @param ema        EMA name to value
 * @param optimizer  parameter group to its optimiser's state vector
 */
public record Checkpoint(CheckpointMeta meta, Map<String, INDArray> parameters, Map<String, INDArray> buffers,
                         Map<String, INDArray> ema, Map<String, INDArray> optimizer) {
}
