package org.atelier.models.diffusion;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Clipping of predicted clean images to the data range. */
final class Clip {
    private Clip() {
    }

    /** A copy of x with every value clamped to [−1, 1]. */
    static INDArray unit(INDArray x) {
        return Transforms.min(Transforms.max(x, -1.0, true), 1.0, false);
    }
}
