package org.atelier.models.diffusion;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The network as the samplers see it: its output (ε̂ or v̂) at noisy images x_t and timestep t. */
public interface Denoiser {
    /**
     * @param x          (N, C, H, W) noisy images at timestep t
     * @param t          timestep in [0, T)
     * @param conditions N conditions (each may be the null condition); empty list for an unconditional model
     */
    INDArray predict(INDArray x, int t, List<Condition> conditions);
}
