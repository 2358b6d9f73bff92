package org.atelier.models;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What the loop gives a {@link Trainable} for one step. */
public interface StepContext {
    /** Zero-based index of this step. */
    long step();

    /**
     * This step's random source, derived from the run seed and the step index, so that a
     * resumed run draws exactly what an uninterrupted one draws.
     */
    RandomGenerator random();

    /**
     * Applies the gradients of one parameter group in place: global-norm clipping, the group's
     * optimiser at the scheduled learning rate. Gradients are consumed (modified).
     *
     * @param group     a group of {@link Trainable#parameters()}, e.g. {@code d} or {@code g}
     * @param gradients parameter name to gradient, every parameter of the group present
     * @return the L2 norm of the group's gradient before clipping
     */
    double update(String group, Map<String, INDArray> gradients);
}
