package org.atelier.models.diffusion;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one reverse step returns: the sample at the earlier timestep and the clean image the
 * network's output implied at this one (after clipping, where the step clips).
 *
 * @param prevSample  x_prev, (N, C, H, W)
 * @param predictedX0 x̂₀, (N, C, H, W)
 */
public record StepOutput(INDArray prevSample, INDArray predictedX0) {
}
