package org.atelier.models.features;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.atelier.core.errors.CorruptFileException;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The trunk {@link FmnistCnn} and {@link PortraitsCnn} share, up to their 256-d feature layer,
 * and the handling of its named weights:
 *
 * <pre>
 * c1..c5  conv 3x3, stride 1, same padding, ReLU; max-pool 2 (valid) after c2, c4 and c5
 * flat    reshape to (N, flat)                         times the drop_flat mask when training
 * fc1     dense flat->featureDim, ReLU (the features)  times the drop_fc1 mask when training
 * </pre>
 * Convolution weights are {@code [kH, kW, inC, outC]} (ND4J's default layout), dense weights
 * {@code [in, out]}; a layer {@code L} stores {@code L_w} and {@code L_b}. The order in which
 * weights are drawn and stored is part of the contract: the committed weights of both networks
 * were trained from it, so it must not change.
 */
final class ConvTrunk {
    static final List<String> CONV_LAYERS = List.of("c1", "c2", "c3", "c4", "c5");
    static final String FEATURES = "fc1";
    static final String DROP_FLAT = "drop_flat";
    static final String DROP_FC1 = "drop_fc1";

    private ConvTrunk() {
    }

    /**
     * He-normal weights (std = sqrt(2 / fan-in), He et al. 2015) and zero biases for c1..c5 and
     * fc1, drawn in that order; callers append their heads with {@link #addSoftmaxHead}.
     *
     * @param convChannels per conv layer {@code {in, out}} channels, c1 first
     */
    static Map<String, INDArray> initialWeights(RandomGenerator rng, int[][] convChannels, int flat, int featureDim) {
        Map<String, INDArray> w = new LinkedHashMap<>();
        for (int i = 0; i < convChannels.length; i++) {
            int in = convChannels[i][0];
            int out = convChannels[i][1];
            w.put(CONV_LAYERS.get(i) + "_w", gaussian(rng, Math.sqrt(2.0 / (9 * in)), 3, 3, in, out));
            w.put(CONV_LAYERS.get(i) + "_b", Nd4j.zeros(DataType.FLOAT, out));
        }
        w.put(FEATURES + "_w", gaussian(rng, Math.sqrt(2.0 / flat), flat, featureDim));
        w.put(FEATURES + "_b", Nd4j.zeros(DataType.FLOAT, featureDim));
        return w;
    }

    /**
     * Adds a linear layer {@code name} from {@code in} inputs to {@code classes} logits: weights
     * with std sqrt(1 / in) (a Glorot-like scale for a softmax layer, so logits start near zero),
     * zero biases.
     */
    static void addSoftmaxHead(Map<String, INDArray> w, RandomGenerator rng, String name, int in, int classes) {
        w.put(name + "_w", gaussian(rng, Math.sqrt(1.0 / in), in, classes));
        w.put(name + "_b", Nd4j.zeros(DataType.FLOAT, classes));
    }

    /** Float32 values {@code N(0, std²)} in C order, drawn one by one from {@code rng}. */
    private static INDArray gaussian(RandomGenerator rng, double std, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rng.nextGaussian() * std);
        }
        return Nd4j.create(v, shape, 'c');
    }

    /**
     * Builds c1..fc1 on {@code x}. With {@code train} the graph gets the {@link #DROP_FLAT} and
     * {@link #DROP_FC1} mask placeholders (fed by the trainer, so every random draw comes from
     * its seeded generator).
     *
     * @return fc1's output as the heads consume it: the {@link #FEATURES} variable itself, or
     *         it times the drop_fc1 mask when training
     */
    static SDVariable build(SameDiff sd, SDVariable x, Map<String, INDArray> weights, int flat, int featureDim,
                            boolean train) {
        Conv2DConfig conv = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1)
                .paddingMode(PaddingMode.SAME).dataFormat("NCHW").build();
        Pooling2DConfig pool = Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2)
                .paddingMode(PaddingMode.VALID).isNHWC(false).build();
        SDVariable h = x;
        for (int i = 0; i < CONV_LAYERS.size(); i++) {
            String name = CONV_LAYERS.get(i);
            SDVariable pre = sd.cnn().conv2d(name + "_pre", h, var(sd, weights, name + "_w"),
                    var(sd, weights, name + "_b"), conv);
            h = sd.nn().relu(name, pre, 0);
            if (i == 1 || i == 3 || i == 4) {
                h = sd.cnn().maxPooling2d(name + "_pool", h, pool);
            }
        }
        SDVariable flatVar = sd.reshape("flat", h, -1, flat);
        if (train) {
            flatVar = flatVar.mul(sd.placeHolder(DROP_FLAT, DataType.FLOAT, -1, flat));
        }
        // mmul + add rather than nn().linear: M2.1's xw_plus_b gave unstable outputs between calls here
        SDVariable fc1 = sd.nn().relu(FEATURES,
                sd.mmul(flatVar, var(sd, weights, FEATURES + "_w")).add(var(sd, weights, FEATURES + "_b")), 0);
        if (train) {
            return fc1.mul(sd.placeHolder(DROP_FC1, DataType.FLOAT, -1, featureDim));
        }
        return fc1;
    }

    /** The linear layer {@code name}: {@code in · name_w + name_b}, its output named {@code name}. */
    static SDVariable dense(SameDiff sd, SDVariable in, Map<String, INDArray> weights, String name) {
        return sd.mmul(in, var(sd, weights, name + "_w")).add(name, var(sd, weights, name + "_b"));
    }

    private static SDVariable var(SameDiff sd, Map<String, INDArray> weights, String name) {
        INDArray w = weights.get(name);
        if (w == null) {
            throw new IllegalArgumentException("missing weight tensor '" + name + "'");
        }
        return sd.var(name, w);
    }

    /** The current values of the named variables of {@code sd}, as storable float32 tensors, in that order. */
    static Map<String, WeightsFile.Tensor> export(SameDiff sd, List<String> names) {
        Map<String, WeightsFile.Tensor> out = new LinkedHashMap<>();
        for (String name : names) {
            INDArray a = sd.getArrForVarName(name).castTo(DataType.FLOAT).dup('c');
            out.put(name, new WeightsFile.Tensor(a.shape(), a.data().asFloat()));
        }
        return out;
    }

    /**
     * Stored tensors back into arrays, in the order of {@code expected}, checking each name and
     * shape against it.
     *
     * @param expected an architecture's initial weights (only names and shapes are read)
     * @param source   where the tensors were read from, named in errors
     */
    static Map<String, INDArray> toArrays(Map<String, INDArray> expected, Map<String, WeightsFile.Tensor> tensors,
                                          Path source) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : expected.entrySet()) {
            WeightsFile.Tensor t = tensors.get(e.getKey());
            if (t == null || !Arrays.equals(t.shape(), e.getValue().shape())) {
                throw new CorruptFileException(source, "tensor '" + e.getKey()
                        + "' missing or of the wrong shape; expected " + Arrays.toString(e.getValue().shape()));
            }
            out.put(e.getKey(), Nd4j.create(t.values(), t.shape(), 'c'));
        }
        return out;
    }
}
