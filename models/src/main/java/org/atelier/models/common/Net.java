package org.atelier.models.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One SameDiff graph over a shared {@link ParameterStore}: a layer asks for its weights by
 * name and gets the store's array (created on first use in any graph), so a training graph
 * and an inference graph built from the same code share their weights.
 *
 * <p>{@code training} selects batch statistics (true) or running statistics (false) in
 * batch norm; the batch statistics of every training-mode batch norm are recorded so the
 * owner can fetch them with the step's outputs and update the running averages.
 *
 * <p>{@link #observeGraphs} lets a profiler see the graphs of models built after it (the
 * models keep their nets private); it does not change what a graph computes.
 */
public final class Net {
    private static final List<Consumer<SameDiff>> OBSERVERS = new CopyOnWriteArrayList<>();

    private final SameDiff sd = SameDiff.create();
    private final ParameterStore store;
    private final Init init;
    private final boolean training;
    private final List<BatchNorm.Stats> batchStats = new ArrayList<>();

    public Net(ParameterStore store, Init init, boolean training) {
        this.store = store;
        this.init = init;
        this.training = training;
        for (Consumer<SameDiff> o : OBSERVERS) {
            o.accept(sd);
        }
    }

    /**
     * Hands the (still empty) graph of every net created from now on to {@code observer}, e.g. to
     * add an op-timing listener, until the returned handle is closed. Process-wide.
     */
    public static Observation observeGraphs(Consumer<SameDiff> observer) {
        OBSERVERS.add(observer);
        return () -> OBSERVERS.remove(observer);
    }

    /** The handle of {@link #observeGraphs}; closing it stops the observation. */
    public interface Observation extends AutoCloseable {
        @Override
        void close();
    }

    public SameDiff sd() {
        return sd;
    }

    public boolean training() {
        return training;
    }

    public Init init() {
        return init;
    }

    public ParameterStore store() {
        return store;
    }

    /** The graph variable for parameter {@code name} of {@code group}, backed by the store's array. */
    public SDVariable param(String group, String name, Supplier<INDArray> initial) {
        if (sd.hasVariable(name)) {
            return sd.getVariable(name);
        }
        return sd.var(name, store.param(group, name, initial));
    }

    /** The graph variable for buffer {@code name}; never differentiated by the owner. */
    public SDVariable buffer(String name, Supplier<INDArray> initial) {
        if (sd.hasVariable(name)) {
            return sd.getVariable(name);
        }
        return sd.var(name, store.buffer(name, initial));
    }

    public SDVariable placeholder(String name, long... shape) {
        return sd.placeHolder(name, DataType.FLOAT, shape);
    }

    void recordStats(BatchNorm.Stats stats) {
        batchStats.add(stats);
    }

    /** Batch statistics of the training-mode batch norms, in graph-building order. */
    public List<BatchNorm.Stats> batchStats() {
        return Collections.unmodifiableList(batchStats);
    }
}
