package org.atelier.models.common;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Weight initialisation from an explicit, seeded ND4J random source (never the global one),
 * so a model built twice from the same seed has bit-identical weights.
 */
public final class Init {
    private final Random random;

    public Init(long seed) {
        this.random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
    }

    /** N(0, std²) float32 — DCGAN uses std 0.02 (Radford et al. 2016, section 4). */
    public INDArray normal(double std, long... shape) {
        return Nd4j.randn(random, shape).castTo(DataType.FLOAT).muli(std);
    }

    /** N(mean, std²): batch-norm scales in DCGAN start at N(1, 0.02²). */
    public INDArray normal(double mean, double std, long... shape) {
        return normal(std, shape).addi(mean);
    }

    /** U(−bound, bound) float32 (the default of PyTorch's Linear and Conv2d with bound 1/√fan_in). */
    public INDArray uniform(double bound, long... shape) {
        return Nd4j.rand(random, shape).castTo(DataType.FLOAT).muli(2 * bound).subi(bound);
    }

    public static INDArray zeros(long... shape) {
        return Nd4j.zeros(DataType.FLOAT, shape);
    }

    public static INDArray ones(long... shape) {
        return Nd4j.ones(DataType.FLOAT, shape);
    }
}
