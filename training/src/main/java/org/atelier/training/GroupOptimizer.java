package org.atelier.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atelier.training.config.OptimizerConfig;
import org.atelier.training.config.OptimizerKind;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;

/**
 * The optimiser of one parameter group: Adam or RMSProp over the group's gradients laid end to end
 * in one vector, with global-norm clipping and AdamW's decoupled weight decay in front. Its state
 * (the updater's moment vector and the update count, which Adam's bias correction reads) is what a
 * checkpoint keeps. Adam on float32 parameters runs as {@link FusedAdam}, one pass over each
 * parameter in place with ND4J's formula and state layout; RMSProp, and Adam on anything else,
 * through ND4J's updater on a flattened copy. Public so that {@code atelier bench} times this very
 * update rather than a copy of it.
 */
public final class GroupOptimizer {
    private final OptimizerConfig cfg;
    private final List<String> names;
    private final IUpdater updaterConfig;
    private final GradientUpdater<?> updater;
    private final INDArray state;
    private final boolean fuseAdam;
    private long updates;

    /**
     * @param names the group's parameters, in the order their gradients are laid end to end
     * @param count their total number of values
     */
    public GroupOptimizer(OptimizerConfig cfg, List<String> names, long count) {
        this(cfg, names, count, true);
    }

    /** @param fuseAdam false: always ND4J's updater (the fused pass's test compares the two) */
    GroupOptimizer(OptimizerConfig cfg, List<String> names, long count, boolean fuseAdam) {
        this.fuseAdam = fuseAdam;
        this.cfg = cfg;
        this.names = List.copyOf(names);
        this.updaterConfig = switch (cfg.kind()) {
            case ADAM, ADAMW -> new Adam(cfg.lr(), cfg.beta1(), cfg.beta2(), cfg.eps());
            case RMSPROP -> new RmsProp(cfg.lr(), cfg.rmsDecay(), cfg.eps());
        };
        this.state = Nd4j.zeros(DataType.FLOAT, 1, updaterConfig.stateSize(count));
        this.updater = updaterConfig.instantiate(state, true);
    }

    /**
     * Updates {@code params} in place from {@code grads} at learning rate {@code lr}.
     *
     * @param clipNorm global L2 norm to clip to, 0 = no clipping
     * @return the gradient's L2 norm before clipping (NaN if any gradient is NaN)
     */
    public double apply(Map<String, INDArray> params, Map<String, INDArray> grads, double lr, double clipNorm) {
        List<INDArray> parts = new ArrayList<>(names.size());
        List<INDArray> values = new ArrayList<>(names.size());
        for (String n : names) {
            INDArray g = grads.get(n);
            if (g == null) {
                throw new IllegalStateException("the step gave no gradient for parameter " + n);
            }
            parts.add(g);
            values.add(params.get(n));
        }
        boolean adam = cfg.kind() == OptimizerKind.ADAM || cfg.kind() == OptimizerKind.ADAMW;
        if (fuseAdam && adam && FusedAdam.applies(values, parts)) {
            double keep = cfg.weightDecay() > 0 ? 1 - lr * cfg.weightDecay() : 1;
            double norm = FusedAdam.step(values, parts, state, updates, lr, cfg.beta1(), cfg.beta2(), cfg.eps(), clipNorm,
                    keep);
            if (Double.isFinite(norm)) {
                updates++;
            }
            return norm;
        }
        INDArray flat = Nd4j.toFlattened('c', parts).castTo(DataType.FLOAT).reshape(1, -1);
        double norm = flat.norm2Number().doubleValue();
        if (!Double.isFinite(norm)) {
            return norm;
        }
        if (clipNorm > 0 && norm > clipNorm) {
            flat.muli(clipNorm / norm);
        }
        if (cfg.weightDecay() > 0) {
            double keep = 1 - lr * cfg.weightDecay();
            for (String n : names) {
                params.get(n).muli(keep);
            }
        }
        updaterConfig.setLrAndSchedule(lr, null);
        updater.applyUpdater(flat, (int) updates, 0);
        updates++;
        long offset = 0;
        for (String n : names) {
            INDArray p = params.get(n);
            long len = p.length();
            INDArray piece = flat.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(offset, offset + len));
            p.subi(piece.reshape('c', p.shape()));
            offset += len;
        }
        return norm;
    }

    INDArray state() {
        return state;
    }

    long updates() {
        return updates;
    }

    void restore(INDArray saved, long savedUpdates) {
        if (saved.length() != state.length()) {
            throw new IllegalArgumentException("optimiser state of " + saved.length() + " values does not fit "
                    + state.length());
        }
        state.assign(saved.reshape(state.shape()));
        updates = savedUpdates;
    }
}
