package org.atelier.models.diffusion;

import java.util.SplittableRandom;
import org.atelier.models.StepContext;
import org.atelier.models.TestAdam;
import org.atelier.models.TestStepContext;
import org.atelier.models.common.ParameterStore;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Adam ({@link TestAdam}) for model tests (the real optimisers live in training); moments persist across steps. */
final class TestContext {
    private final ParameterStore store;
    private final double lr;
    private final TestAdam adam = new TestAdam();

    TestContext(ParameterStore store, double lr) {
        this.store = store;
        this.lr = lr;
    }

    /** The context of step {@code s}: random source seeded 1000 + s, bias correction for update s + 1. */
    StepContext at(long s) {
        return new TestStepContext(store, s, new SplittableRandom(1000 + s)) {
            @Override
            protected void apply(String name, INDArray param, INDArray g) {
                adam.apply(name, param, g, s + 1, lr);
            }
        };
    }
}
