package org.atelier.models.diffusion;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Standard normal noise drawn from an explicit random source (never ND4J's global one). */
public final class Noise {
    private Noise() {
    }

    /** N(0, I) of {@code shape}, float32. */
    public static INDArray gaussian(RandomGenerator rng, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        float[] z = new float[Math.toIntExact(n)];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) rng.nextGaussian();
        }
        return Nd4j.create(z, shape, 'c');
    }

    /** N(0, I) of x's shape and data type. */
    public static INDArray like(INDArray x, RandomGenerator rng) {
        INDArray z = gaussian(rng, x.shape());
        return x.dataType() == DataType.FLOAT ? z : z.castTo(x.dataType());
    }
}
