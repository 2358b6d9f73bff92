package org.atelier.models.diffusion;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.atelier.models.StepContext;
import org.atelier.models.common.ParameterStore;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Adam without bias correction's frills, for model tests (the real optimisers live in training). */
final class TestContext implements StepContext {
    private final ParameterStore store;
    private final double lr;
    private final Map<String, INDArray> m = new HashMap<>();
    private final Map<String, INDArray> v = new HashMap<>();
    private long step;
    private RandomGenerator rng;

    TestContext(ParameterStore store, double lr) {
        this.store = store;
        this.lr = lr;
    }

    TestContext at(long s) {
        step = s;
        rng = new SplittableRandom(1000 + s);
        return this;
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
            double norm = g.norm2Number().doubleValue();
            sq += norm * norm;
            INDArray mm = m.computeIfAbsent(n, k -> g.ulike().assign(0));
            INDArray vv = v.computeIfAbsent(n, k -> g.ulike().assign(0));
            mm.muli(0.9).addi(g.mul(0.1));
            vv.muli(0.999).addi(g.mul(g).muli(0.001));
            double c1 = 1 - Math.pow(0.9, step + 1);
            double c2 = 1 - Math.pow(0.999, step + 1);
            INDArray upd = mm.div(c1).divi(org.nd4j.linalg.ops.transforms.Transforms.sqrt(vv.div(c2), false).addi(1e-8));
            store.parameters().get(n).subi(upd.muli(lr));
        }
        return Math.sqrt(sq);
    }
}
