package org.atelier.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.atelier.models.StepContext;
import org.atelier.models.common.ParameterStore;
import org.atelier.training.GroupOptimizer;
import org.atelier.training.config.OptimizerConfig;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The optimiser side of a benchmarked training step: per parameter group, the training loop's own
 * {@link GroupOptimizer} (gradients laid end to end, L2 norm, global-norm clipping when asked,
 * ND4J's Adam, the update subtracted from each parameter) at a fixed learning rate, so the
 * benchmark times the same work as the loop without its checkpoints, EMA and logging.
 */
final class BenchAdam {
    private final ParameterStore store;
    private final double lr;
    private final double clipNorm;
    private final Map<String, GroupOptimizer> groups = new LinkedHashMap<>();
    private long step;

    /**
     * @param lr       learning rate of every group
     * @param beta1    Adam β₁ (DCGAN 0.5, else 0.9)
     * @param clipNorm global L2 norm to clip each group's gradient to, 0 = none
     */
    BenchAdam(ParameterStore store, double lr, double beta1, double clipNorm) {
        this.store = store;
        this.lr = lr;
        this.clipNorm = clipNorm;
        OptimizerConfig adam = OptimizerConfig.adam(lr, beta1, 0.999);
        for (String g : store.groups()) {
            groups.put(g, new GroupOptimizer(adam, store.names(g), store.count(g)));
        }
    }

    /** The context of the next step (its random source seeded by the step index). */
    StepContext next() {
        long s = step++;
        RandomGenerator rng = new SplittableRandom(s);
        return new StepContext() {
            @Override
            public long step() {
                return s;
            }

            @Override
            public RandomGenerator random() {
                return rng;
            }

            @Override
            public double update(String group, Map<String, INDArray> gradients) {
                GroupOptimizer o = groups.get(group);
                if (o == null) {
                    throw new IllegalArgumentException("no parameter group " + group + "; groups are " + groups.keySet());
                }
                return o.apply(store.parameters(), gradients, lr, clipNorm);
            }
        };
    }
}
