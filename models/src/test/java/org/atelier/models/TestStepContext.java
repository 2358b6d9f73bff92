package org.atelier.models;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.atelier.models.common.ParameterStore;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link StepContext} for model tests (the real loop and optimisers live in the training
 * module, which models may not depend on): a fixed step index and random source, and an update
 * rule that subclasses apply parameter by parameter, without clipping.
 */
public abstract class TestStepContext implements StepContext {
    private final ParameterStore store;
    private final long step;
    private final RandomGenerator rng;

    protected TestStepContext(ParameterStore store, long step, RandomGenerator rng) {
        this.store = store;
        this.step = step;
        this.rng = rng;
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public RandomGenerator random() {
        return rng;
    }

    /** Applies {@link #apply} to every parameter of the group; a missing gradient fails the test. */
    @Override
    public double update(String group, Map<String, INDArray> gradients) {
        double sq = 0;
        for (String n : store.names(group)) {
            INDArray g = gradients.get(n);
            if (g == null) {
                throw new AssertionError("no gradient for " + n);
            }
            double norm = g.norm2Number().doubleValue();
            sq += norm * norm;
            apply(n, store.parameters().get(n), g);
        }
        return Math.sqrt(sq);
    }

    /** Updates {@code param} (parameter {@code name}) in place from its gradient {@code g}. */
    protected abstract void apply(String name, INDArray param, INDArray g);
}
