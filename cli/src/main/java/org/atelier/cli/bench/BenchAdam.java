package org.atelier.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.atelier.models.StepContext;
import org.atelier.models.common.ParameterStore;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The optimiser side of a benchmarked training step: per parameter group, the work the training
 * loop's optimiser does (training's {@code GroupOptimizer}, package-private there): gradients laid
 * end to end in one vector, its L2 norm, global-norm clipping when asked, ND4J's Adam updater,
 * and the update subtracted from each parameter. Written out here so the benchmark times the
 * same work without the loop's checkpoints, EMA and logging.
 */
final class BenchAdam {
    private final ParameterStore store;
    private final double clipNorm;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private long step;

    private record Group(List<String> names, GradientUpdater<?> updater, long[] updates) {
    }

    /**
     * @param lr       learning rate of every group
     * @param beta1    Adam β₁ (DCGAN 0.5, else 0.9)
     * @param clipNorm global L2 norm to clip each group's gradient to, 0 = none
     */
    BenchAdam(ParameterStore store, double lr, double beta1, double clipNorm) {
        this.store = store;
        this.clipNorm = clipNorm;
        for (String g : store.groups()) {
            List<String> names = store.names(g);
            Adam adam = new Adam(lr, beta1, 0.999, 1e-8);
            long count = store.count(g);
            INDArray state = Nd4j.zeros(DataType.FLOAT, 1, adam.stateSize(count));
            groups.put(g, new Group(names, adam.instantiate(state, true), new long[1]));
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
                return apply(group, gradients);
            }
        };
    }

    private double apply(String group, Map<String, INDArray> gradients) {
        Group g = groups.get(group);
        if (g == null) {
            throw new IllegalArgumentException("no parameter group " + group + "; groups are " + groups.keySet());
        }
        List<INDArray> parts = new ArrayList<>(g.names().size());
        for (String n : g.names()) {
            INDArray grad = gradients.get(n);
            if (grad == null) {
                throw new IllegalStateException("the step gave no gradient for parameter " + n);
            }
            parts.add(grad);
        }
        INDArray flat = Nd4j.toFlattened('c', parts).castTo(DataType.FLOAT).reshape(1, -1);
        double norm = flat.norm2Number().doubleValue();
        if (clipNorm > 0 && norm > clipNorm) {
            flat.muli(clipNorm / norm);
        }
        g.updater().applyUpdater(flat, (int) g.updates()[0]++, 0);
        long offset = 0;
        for (String n : g.names()) {
            INDArray p = store.parameters().get(n);
            long len = p.length();
            INDArray piece = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + len));
            p.subi(piece.reshape('c', p.shape()));
            offset += len;
        }
        return norm;
    }
}
