package org.atelier.models.features;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The architecture of the {@code fmnist-v1} classifier, built as a SameDiff graph from named
 * weights. Input: {@code (N, 1, H, W)} grey pixels in [-1, 1] (H = W = 28 for the classifier
 * head; the convolutional trunk accepts any size, which the perceptual distance uses).
 *
 * <pre>
 * name   op                               output (28 x 28 input)
 * c1     conv 3x3, 1->32, same, ReLU      32 x 28 x 28
 * c2     conv 3x3, 32->32, same, ReLU     32 x 28 x 28   then max-pool 2
 * c3     conv 3x3, 32->64, same, ReLU     64 x 14 x 14
 * c4     conv 3x3, 64->64, same, ReLU     64 x 14 x 14   then max-pool 2
 * c5     conv 3x3, 64->128, same, ReLU    128 x 7 x 7    then max-pool 2 (floor) -> 128 x 3 x 3
 * fc1    dense 1152->256, ReLU            256            the feature vector ("penultimate layer")
 * logits dense 256->10                    10
 * </pre>
 * Convolution weights are stored {@code [kH, kW, inC, outC]} (ND4J's default layout),
 * dense weights {@code [in, out]}. Dropout (training only) multiplies by mask placeholders
 * fed by the trainer, so every random draw comes from the trainer's seeded generator.
 */
public final class FmnistCnn {
    /** Names of the ReLU outputs of the convolutional trunk, in depth order. */
    public static final List<String> CONV_LAYERS = ConvTrunk.CONV_LAYERS;
    public static final String INPUT = "input";
    public static final String LABELS = "labels";
    public static final String FEATURES = ConvTrunk.FEATURES;
    public static final String LOGITS = "logits";
    public static final String LOSS = "loss";
    public static final String DROP_FLAT = ConvTrunk.DROP_FLAT;
    public static final String DROP_FC1 = ConvTrunk.DROP_FC1;
    public static final int FEATURE_DIM = 256;
    public static final int CLASSES = 10;
    public static final int SIZE = 28;
    static final int FLAT = 128 * 3 * 3;

    private static final int[][] CONV_CHANNELS = {{1, 32}, {32, 32}, {32, 64}, {64, 64}, {64, 128}};

    private FmnistCnn() {
    }

    /** Whether the graph carries the training head (labels, loss, dropout masks). */
    public enum Mode { TRAIN, INFER }

    /** Fresh He-normal weights (std = sqrt(2 / fan-in), He et al. 2015), zero biases. */
    public static Map<String, INDArray> initialWeights(RandomGenerator rng) {
        Map<String, INDArray> w = ConvTrunk.initialWeights(rng, CONV_CHANNELS, FLAT, FEATURE_DIM);
        ConvTrunk.addSoftmaxHead(w, rng, LOGITS, FEATURE_DIM, CLASSES);
        return w;
    }

    /** Builds the graph around the given weights (which become trainable variables). */
    public static SameDiff build(Map<String, INDArray> weights, Mode mode) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder(INPUT, DataType.FLOAT, -1, 1, -1, -1);
        SDVariable head = ConvTrunk.build(sd, x, weights, FLAT, FEATURE_DIM, mode == Mode.TRAIN);
        SDVariable logits = ConvTrunk.dense(sd, head, weights, LOGITS);
        if (mode == Mode.TRAIN) {
            SDVariable labels = sd.placeHolder(LABELS, DataType.FLOAT, -1, CLASSES);
            sd.loss().softmaxCrossEntropy(LOSS, labels, logits, null);
            sd.setLossVariables(LOSS);
        }
        return sd;
    }

    /** Names of every weight tensor, in the order they are stored. */
    public static List<String> weightNames() {
        return List.copyOf(initialWeights(new SplittableRandom(0)).keySet());
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
