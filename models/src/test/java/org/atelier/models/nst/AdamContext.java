package org.atelier.models.nst;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.atelier.models.StepContext;
import org.atelier.models.common.ParameterStore;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam (Kingma and Ba 2015, β₁ 0.9, β₂ 0.999, ε 1e-8) per parameter, for model tests: the real
 * loop lives in the training module, which models may not depend on.
 */
public final class AdamContext {
    private final ParameterStore store;
    private final double lr;
    private final Map<String, INDArray> m = new LinkedHashMap<>();
    private final Map<String, INDArray> v = new LinkedHashMap<>();
    private long t;

    public AdamContext(ParameterStore store, double lr) {
        this.store = store;
        this.lr = lr;
    }

    /** The context of the next step. */
    public StepContext next() {
        long step = t;
        return new StepContext() {
            private final RandomGenerator rng = new SplittableRandom(step);

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
                t++;
                double sq = 0;
                for (String n : store.names(group)) {
                    INDArray g = gradients.get(n);
                    double norm = g.norm2Number().doubleValue();
                    sq += norm * norm;
                    INDArray mm = m.computeIfAbsent(n, k -> g.like());
                    INDArray vv = v.computeIfAbsent(n, k -> g.like());
                    mm.muli(0.9).addi(g.mul(0.1));
                    vv.muli(0.999).addi(g.mul(g).muli(0.001));
                    INDArray mHat = mm.div(1 - Math.pow(0.9, t));
                    INDArray vHat = vv.div(1 - Math.pow(0.999, t));
                    store.parameters().get(n).subi(mHat.divi(Transforms.sqrt(vHat, true).addi(1e-8)).muli(lr));
                }
                return Math.sqrt(sq);
            }
        };
    }
}
