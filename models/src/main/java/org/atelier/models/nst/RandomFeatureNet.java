package org.atelier.models.nst;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The default feature net: a VGG-shaped stack of 3 × 3 convolutions with random, fixed
 * filters and average pools between scales, so its layers see the image at full, ½, ¼, ⅛ and
 * 1/16 resolution (the multi-scale structure random-feature texture models need: Ustyuzhaninov
 * et al. 2017, "What does it take to generate natural textures?"; He, Wang and Hopcroft 2016
 * showed random-weight deep nets support style transfer). No download is needed.
 *
 * <pre>
 * relu1_1 3→32 | pool | relu2_1 32→64 | pool | relu3_1 64→128 | pool | relu4_1 128→256, relu4_2 256→256 | pool | relu5_1 256→256
 * </pre>
 *
 * <p>Weights are N(0, 2/fan_in) (He et al. 2015, so activations keep their scale with depth),
 * biases 0. They are drawn with Box–Muller from {@link SplittableRandom} — whose output is
 * specified by its algorithm — rather than ND4J's generator or
 * {@code RandomGenerator.nextGaussian}, whose algorithms may change between versions: the same
 * seed therefore gives bit-identical weights, and the same {@link #ID_PREFIX} + seed always
 * names the same net.
 */
public final class RandomFeatureNet {
    /** Bump when the layout or the way weights are drawn changes. */
    public static final String ID_PREFIX = "random-ms-v1";

    private record Spec(String name, int out) {
    }

    private static final List<Object> LAYOUT = List.of(
            new Spec("relu1_1", 32), "pool",
            new Spec("relu2_1", 64), "pool",
            new Spec("relu3_1", 128), "pool",
            new Spec("relu4_1", 256), new Spec("relu4_2", 256), "pool",
            new Spec("relu5_1", 256));

    private RandomFeatureNet() {
    }

    /** The net for {@code seed}; id {@code random-ms-v1:seed=<seed>}. */
    public static FixedConvNet create(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<FixedConvNet.Stage> stages = new ArrayList<>();
        int in = 3;
        for (Object o : LAYOUT) {
            if (o instanceof Spec s) {
                int k = 3;
                double std = Math.sqrt(2.0 / (k * k * in));
                float[] w = new float[k * k * in * s.out()];
                for (int i = 0; i < w.length; i++) {
                    w[i] = (float) (std * gaussian(rng));
                }
                INDArray weight = Nd4j.create(w, new long[] {k, k, in, s.out()}, 'c');
                stages.add(new FixedConvNet.Conv(s.name(), weight, Nd4j.zeros(DataType.FLOAT, s.out())));
                in = s.out();
            } else {
                stages.add(new FixedConvNet.Pool());
            }
        }
        double[] one = {1, 1, 1};
        double[] zero = {0, 0, 0};
        return new FixedConvNet(ID_PREFIX + ":seed=" + seed, stages, one, zero);
    }

    /** One standard normal draw (Box–Muller; the second value of the pair is dropped for simplicity). */
    private static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(); // in (0, 1], so the log is finite
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
