package org.atelier.models.nst;

import java.util.Map;
import java.util.SplittableRandom;
import org.atelier.models.StepContext;
import org.atelier.models.TestAdam;
import org.atelier.models.TestStepContext;
import org.atelier.models.common.ParameterStore;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adam ({@link TestAdam}) per parameter, for model tests: the real loop lives in the training
 * module, which models may not depend on. The bias correction counts update calls.
 */
public final class AdamContext {
    private final ParameterStore store;
    private final double lr;
    private final TestAdam adam = new TestAdam();
    private long t;

    public AdamContext(ParameterStore store, double lr) {
        this.store = store;
        this.lr = lr;
    }

    /** The context of the next step, its random source seeded by the step index. */
    public StepContext next() {
        long step = t;
        return new TestStepContext(store, step, new SplittableRandom(step)) {
            @Override
            public double update(String group, Map<String, INDArray> gradients) {
                t++;
                return super.update(group, gradients);
            }

            @Override
            protected void apply(String name, INDArray param, INDArray g) {
                adam.apply(name, param, g, t, lr);
            }
        };
    }
}
