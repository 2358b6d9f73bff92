package org.atelier.models.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.atelier.datasets.portraits.PortraitAttributes;
import org.atelier.datasets.portraits.PortraitAttributes.Configurable;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

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
    public static final List<String> CONV_LAYERS = ConvTrunk.CONV_LAYERS;
    public static final String INPUT = "input";
    public static final String FEATURES = ConvTrunk.FEATURES;
    public static final String LOSS = "loss";
    public static final String DROP_FLAT = ConvTrunk.DROP_FLAT;
    public static final String DROP_FC1 = ConvTrunk.DROP_FC1;
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
        Map<String, INDArray> w = ConvTrunk.initialWeights(rng, CONV_CHANNELS, FLAT, FEATURE_DIM);
        for (Head h : HEADS) {
            ConvTrunk.addSoftmaxHead(w, rng, h.logits(), FEATURE_DIM, h.classes().size());
        }
        return w;
    }

    /** Builds the graph around the given weights (which become trainable variables). */
    public static SameDiff build(Map<String, INDArray> weights, Mode mode) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder(INPUT, DataType.FLOAT, -1, CHANNELS, SIZE, SIZE);
        SDVariable shared = ConvTrunk.build(sd, x, weights, FLAT, FEATURE_DIM, mode == Mode.TRAIN);
        List<SDVariable> losses = new ArrayList<>();
        for (Head head : HEADS) {
            SDVariable logits = ConvTrunk.dense(sd, shared, weights, head.logits());
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
        return ConvTrunk.export(sd, weightNames());
    }

    /** Stored tensors back into arrays, checking each name and shape against the architecture. */
    public static Map<String, INDArray> toArrays(Map<String, WeightsFile.Tensor> tensors, Path source) {
        return ConvTrunk.toArrays(initialWeights(new SplittableRandom(0)), tensors, source);
    }
}
