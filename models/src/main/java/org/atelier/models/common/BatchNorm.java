package org.atelier.models.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch normalisation (Ioffe and Szegedy 2015) composed from mean and variance ops, because
 * SameDiff M2.1's {@code batchNorm} op cannot be differentiated (ND4J-NOTES; upstream issue
 * 9029). In training mode it normalises by the batch's mean and biased variance and records
 * them; {@link #updateRunning} then folds them into the running statistics with momentum
 * 0.1 and the unbiased variance, as PyTorch does. In inference mode it uses the running
 * statistics. ε = 1e-5.
 */
public final class BatchNorm {
    public static final double EPS = 1e-5;
    public static final double MOMENTUM = 0.1;

    /** One training-mode batch norm's batch statistics and where its running statistics live. */
    public record Stats(SDVariable mean, SDVariable variance, String runningMean, String runningVar, long count) {
    }

    private BatchNorm() {
    }

    /**
     * Normalises {@code x} over every axis but 1 (channels). Rank 4 (N,C,H,W) or rank 2 (N,C).
     * Scale starts at N(1, 0.02²) and shift at 0, as in DCGAN's reference code.
     */
    public static SDVariable apply(Net net, String group, String name, SDVariable x, int channels, int rank,
                                   long elementsPerChannel) {
        long[] shape = rank == 4 ? new long[] {1, channels, 1, 1} : new long[] {1, channels};
        int[] axes = rank == 4 ? new int[] {0, 2, 3} : new int[] {0};
        SDVariable gamma = net.param(group, name + "_gamma", () -> net.init().normal(1.0, 0.02, shape));
        SDVariable beta = net.param(group, name + "_beta", () -> Init.zeros(shape));
        SDVariable runMean = net.buffer(name + "_rmean", () -> Init.zeros(shape));
        SDVariable runVar = net.buffer(name + "_rvar", () -> Init.ones(shape));
        SDVariable mean;
        SDVariable var;
        if (net.training()) {
            mean = x.mean(true, axes);
            SDVariable centred = x.sub(mean);
            // centred·centred, not square(): same forward values, and square's gradient op calls powf per element
            var = centred.mul(centred).mean(true, axes);
            net.recordStats(new Stats(mean, var, runMean.name(), runVar.name(), elementsPerChannel));
            // broadcasting products through BroadcastMul: same values, a much cheaper gradient
            SDVariable norm = BroadcastMul.apply(net.sd(), centred, net.sd().math().rsqrt(var.add(EPS)));
            return BroadcastMul.apply(net.sd(), norm, gamma).add(beta);
        }
        mean = runMean;
        var = runVar;
        SDVariable norm = x.sub(mean).mul(net.sd().math().rsqrt(var.add(EPS)));
        return norm.mul(gamma).add(beta);
    }

    /** Names of the graph outputs to fetch so {@link #updateRunning} can be called after a forward pass. */
    public static List<String> outputNames(List<Stats> stats) {
        List<String> names = new ArrayList<>();
        for (Stats s : stats) {
            names.add(s.mean().name());
            names.add(s.variance().name());
        }
        return names;
    }

    /**
     * running = (1 − m)·running + m·batch, with the variance made unbiased by n/(n − 1) where
     * n is the batch's count of elements per channel (N·H·W).
     */
    public static void updateRunning(List<Stats> stats, Map<String, INDArray> outputs, ParameterStore store,
                                     long batchSize) {
        for (Stats s : stats) {
            foldIn(store.buffers().get(s.runningMean()), store.buffers().get(s.runningVar()),
                    outputs.get(s.mean().name()), outputs.get(s.variance().name()), s.count() * batchSize);
        }
    }

    /**
     * The batch norm {@code name}'s running statistics folded as above, from a batch's mean and biased
     * variance per channel computed outside the graph (the fast engine's) over n elements per channel.
     */
    public static void updateRunning(ParameterStore store, String name, double[] mean, double[] variance, long n) {
        INDArray runMean = store.buffers().get(name + "_rmean");
        INDArray runVar = store.buffers().get(name + "_rvar");
        foldIn(runMean, runVar, Nd4j.createFromArray(mean).castTo(runMean.dataType()).reshape(runMean.shape()),
                Nd4j.createFromArray(variance).castTo(runVar.dataType()).reshape(runVar.shape()), n);
    }

    private static void foldIn(INDArray runMean, INDArray runVar, INDArray mean, INDArray variance, long n) {
        INDArray var = variance.mul(n / (double) Math.max(1, n - 1));
        runMean.muli(1 - MOMENTUM).addi(mean.mul(MOMENTUM));
        runVar.muli(1 - MOMENTUM).addi(var.muli(MOMENTUM));
    }
}
