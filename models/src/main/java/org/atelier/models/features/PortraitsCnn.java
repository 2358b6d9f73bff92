package org.atelier.models.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.datasets.portraits.PortraitAttributes;
import org.atelier.datasets.portraits.PortraitAttributes.Configurable;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The architecture of the {@code portraits-v1} multi-task classifier, built as a SameDiff graph
 * from named weights. Input: {@code (N, 3, 32, 32)} RGB pixels in [-1, 1].
 *
 * <pre>
 * name        op                               output
 * c1          conv 3x3, 3->32, same, ReLU      32 x 32 x 32
 * c2          conv 3x3, 32->32, same, ReLU     32 x 32 x 32   then max-pool 2
 * c3          conv 3x3, 32->64, same, ReLU     64 x 16 x 16
 * c4          conv 3x3, 64->64, same, ReLU     64 x 16 x 16   then max-pool 2
 * c5          conv 3x3, 64->128, same, ReLU    128 x 8 x 8    then max-pool 2 -> 128 x 4 x 4
 * fc1         dense 2048->256, ReLU            256            the feature vector ("penultimate layer")
 * logits_A    dense 256->K_A, one per head     K_A            softmax over attribute A's values
 * </pre>
 * One head per attribute column of the synthetic portraits ({@link #HEADS}), trained jointly:
 * the loss is the sum of the heads' mean cross-entropies, so the 256 features must separate
 * every attribute an audit slices by, not only one (multi-task learning, Caruana 1997).
 *
 * <p>Convolution weights are stored {@code [kH, kW, inC, outC]} (ND4J's default layout), dense
 * weights {@code [in, out]}. Dropout (training only) multiplies by mask placeholders fed by
 * the trainer, so every random draw comes from the trainer's seeded generator.
 */
public final class PortraitsCnn {
    public static final List<String> CONV_LAYERS = List.of("c1", "c2", "c3", "c4", "c5");
    public static final String INPUT = "input";
    public static final String FEATURES = "fc1";
    public static final String LOSS = "loss";
    public static final String DROP_FLAT = "drop_flat";
    public static final String DROP_FC1 = "drop_fc1";
    public static final int FEATURE_DIM = 256;
    public static final int CHANNELS = 3;
    public static final int SIZE = 32;
    static final int FLAT = 128 * 4 * 4;

    private static final int[][] CONV_CHANNELS = {{3, 32}, {32, 32}, {32, 64}, {64, 64}, {64, 128}};

    /**
     * One classification head: an attribute column and its values, the classes in this order.
     *
     * @param attribute column name in {@link PortraitAttributes#NAMES}, e.g. {@code skin_group}
     * @param classes   the column's values, e.g. {@code light, medium, dark}
     */
    public record Head(String attribute, List<String> classes) {
        public Head {
            classes = List.copyOf(classes);
        }

        /** Graph name of this head's logits, e.g. {@code logits_skin_group}. */
        public String logits() {
            return "logits_" + attribute;
        }

        /** Graph name of this head's one-hot label placeholder. */
        public String labels() {
            return "labels_" + attribute;
        }

        /** Class index of an attribute value; -1 if the value is not one of {@link #classes}. */
        public int classOf(String value) {
            return classes.indexOf(value);
        }
    }

    /**
     * Every attribute column of {@link PortraitAttributes#NAMES}, in that order. Hair has five
     * classes (grey included, which comes with age=old); skin tone has the ten Monk tones.
     */
    public static final List<Head> HEADS = List.of(
            new Head("skin_tone", IntStream.rangeClosed(1, 10).mapToObj(t -> "MST-" + t).toList()),
            new Head("skin_group", Configurable.SKIN_GROUP.valueNames()),
            new Head("age", Configurable.AGE.valueNames()),
            new Head("hair", Arrays.stream(PortraitAttributes.Hair.values())
                    .map(h -> h.name().toLowerCase(Locale.ROOT)).toList()),
            new Head("hair_style", Configurable.HAIR_STYLE.valueNames()),
            new Head("glasses", Configurable.GLASSES.valueNames()),
            new Head("expression", Configurable.EXPRESSION.valueNames()),
            new Head("background", Configurable.BACKGROUND.valueNames()));

    private PortraitsCnn() {
    }

    /** Whether the graph carries the training head (labels, loss, dropout masks). */
    public enum Mode { TRAIN, INFER }

    /** Fresh He-normal weights (std = sqrt(2 / fan-in), He et al. 2015), zero biases. */
    public static Map<String, INDArray> initialWeights(RandomGenerator rng) {
        Map<String, INDArray> w = new LinkedHashMap<>();
        for (int i = 0; i < CONV_CHANNELS.length; i++) {
            int in = CONV_CHANNELS[i][0];
            int out = CONV_CHANNELS[i][1];
            w.put(CONV_LAYERS.get(i) + "_w", gaussian(rng, Math.sqrt(2.0 / (9 * in)), 3, 3, in, out));
            w.put(CONV_LAYERS.get(i) + "_b", Nd4j.zeros(DataType.FLOAT, out));
        }
        w.put("fc1_w", gaussian(rng, Math.sqrt(2.0 / FLAT), FLAT, FEATURE_DIM));
        w.put("fc1_b", Nd4j.zeros(DataType.FLOAT, FEATURE_DIM));
        for (Head h : HEADS) {
            // Glorot-like scale for a linear (softmax) layer: logits start near zero
            w.put(h.logits() + "_w", gaussian(rng, Math.sqrt(1.0 / FEATURE_DIM), FEATURE_DIM, h.classes().size()));
            w.put(h.logits() + "_b", Nd4j.zeros(DataType.FLOAT, h.classes().size()));
        }
        return w;
    }

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

    /** Builds the graph around the given weights (which become trainable variables). */
    public static SameDiff build(Map<String, INDArray> weights, Mode mode) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder(INPUT, DataType.FLOAT, -1, CHANNELS, SIZE, SIZE);
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
        SDVariable flat = sd.reshape("flat", h, -1, FLAT);
        if (mode == Mode.TRAIN) {
            flat = flat.mul(sd.placeHolder(DROP_FLAT, DataType.FLOAT, -1, FLAT));
        }
        // mmul + add rather than nn().linear, as in FmnistCnn (M2.1's xw_plus_b was unstable there)
        SDVariable fc1 = sd.nn().relu(FEATURES,
                sd.mmul(flat, var(sd, weights, "fc1_w")).add(var(sd, weights, "fc1_b")), 0);
        SDVariable shared = fc1;
        if (mode == Mode.TRAIN) {
            shared = fc1.mul(sd.placeHolder(DROP_FC1, DataType.FLOAT, -1, FEATURE_DIM));
        }
        List<SDVariable> losses = new ArrayList<>();
        for (Head head : HEADS) {
            SDVariable logits = sd.mmul(shared, var(sd, weights, head.logits() + "_w"))
                    .add(head.logits(), var(sd, weights, head.logits() + "_b"));
            if (mode == Mode.TRAIN) {
                SDVariable labels = sd.placeHolder(head.labels(), DataType.FLOAT, -1, head.classes().size());
                losses.add(sd.loss().softmaxCrossEntropy("loss_" + head.attribute(), labels, logits, null));
            }
        }
        if (mode == Mode.TRAIN) {
            SDVariable total = losses.get(0);
            for (int i = 1; i < losses.size(); i++) {
                total = total.add(losses.get(i));
            }
            total.rename(LOSS);
            sd.setLossVariables(LOSS);
        }
        return sd;
    }

    private static SDVariable var(SameDiff sd, Map<String, INDArray> weights, String name) {
        INDArray w = weights.get(name);
        if (w == null) {
            throw new IllegalArgumentException("missing weight tensor '" + name + "'");
        }
        return sd.var(name, w);
    }

    /** Names of every weight tensor, in the order they are stored. */
    public static List<String> weightNames() {
        return List.copyOf(initialWeights(new SplittableRandom(0)).keySet());
    }

    /** Names of the label placeholders, in {@link #HEADS} order (the trainer's label mapping). */
    public static List<String> labelNames() {
        return HEADS.stream().map(Head::labels).toList();
    }

    /** Current weights of a graph built by {@link #build}, as storable tensors. */
    public static Map<String, WeightsFile.Tensor> export(SameDiff sd) {
        Map<String, WeightsFile.Tensor> out = new LinkedHashMap<>();
        for (String name : weightNames()) {
            INDArray a = sd.getArrForVarName(name).castTo(DataType.FLOAT).dup('c');
            out.put(name, new WeightsFile.Tensor(a.shape(), a.data().asFloat()));
        }
        return out;
    }

    /** Stored tensors back into arrays, checking each name and shape against the architecture. */
    public static Map<String, INDArray> toArrays(Map<String, WeightsFile.Tensor> tensors, Path source) {
        Map<String, INDArray> expected = initialWeights(new SplittableRandom(0));
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
