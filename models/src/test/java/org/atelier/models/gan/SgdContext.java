package org.atelier.models.gan;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.atelier.models.StepContext;
import org.atelier.models.common.ParameterStore;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Plain SGD step context for model tests (the real loop lives in the training module). */
class SgdContext implements StepContext {
    private final ParameterStore store;
    private final double lr;
    private final long step;
    private final RandomGenerator rng;

    SgdContext(ParameterStore store, double lr, long step) {
        this.store = store;
        this.lr = lr;
        this.step = step;
        this.rng = new SplittableRandom(1000 + step);
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public RandomGenerator random() {
        return rng;
    }

    @Override
    public double update(String group, Map<String, INDArray> gradients) {
        double sq = 0;
        for (String n : store.names(group)) {
            INDArray g = gradients.get(n);
            if (g == null) {
                throw new AssertionError("no gradient for " + n);
            }
            sq += g.norm2Number().doubleValue() * g.norm2Number().doubleValue();
            store.parameters().get(n).subi(g.mul(lr));
        }
        return Math.sqrt(sq);
    }
}
