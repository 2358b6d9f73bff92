package org.atelier.models.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.core.image.Luma;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@code fmnist-v1} extractor: the project's CNN classifier ({@link FmnistCnn}) trained on
 * the Fashion-MNIST train split by {@link FmnistV1Trainer}; features are the 256 ReLU outputs
 * of its penultimate layer. Native input 1x28x28 grey in [-1, 1]; RGB is turned into luma,
 * other sizes are refused. The weights ship as a class-path resource whose SHA-256 must equal
 * {@link #WEIGHTS_SHA256}, so a changed or corrupt file is never used silently.
 *
 * <p>Not thread-safe across calls on one instance (SameDiff sessions are not); methods are
 * synchronised.
 */
public final class FmnistV1 extends GraphExtractor implements PerceptualNetwork {
    public static final String ID = "fmnist-v1";
    public static final String WEIGHTS_RESOURCE = "fmnist-v1.weights";
    /** SHA-256 of the committed weights; printed by {@link FmnistV1Trainer} after retraining. */
    public static final String WEIGHTS_SHA256 = "a189082c1bea72f068671efbdc11923c5787f940fde90155f3c2e756c5f0c286";
    public static final InputSpec INPUT = new InputSpec(1, FmnistCnn.SIZE, FmnistCnn.SIZE, -1f, 1f);

    private FmnistV1(SameDiff graph, String sha256) {
        super(ID, INPUT, FmnistCnn.FEATURE_DIM, graph, FmnistCnn.INPUT, sha256);
    }

    /** Loads the committed weights from the class path, verifying their SHA-256. */
    public static FmnistV1 load() {
        return PinnedWeights.fromClassPath(WEIGHTS_RESOURCE, ID, WEIGHTS_SHA256, FmnistV1::fromBytes);
    }

    /** Loads weights from a file, requiring the given SHA-256 (lower-case hex). */
    public static FmnistV1 load(Path file, String expectedSha256) {
        return PinnedWeights.fromFile(file, expectedSha256, FmnistV1::fromBytes);
    }

    static FmnistV1 fromBytes(byte[] bytes, Path source, String expectedSha256) {
        String actual = PinnedWeights.verify(bytes, source, expectedSha256, ID, "benchmarks/train-fmnist-v1.sh");
        Map<String, INDArray> weights = FmnistCnn.toArrays(WeightsFile.decode(bytes, source), source);
        return new FmnistV1(FmnistCnn.build(weights, FmnistCnn.Mode.INFER), actual);
    }

    @Override
    public Image prepare(Image image, String source) {
        if (image.height() != FmnistCnn.SIZE || image.width() != FmnistCnn.SIZE) {
            throw new InvalidInputException(source + ": image is " + image.width() + "x" + image.height() + ", but "
                    + ID + " takes " + INPUT.describe() + " (images are not resized)");
        }
        return Luma.toGrey(image);
    }

    /** Classifier logits (10 per image) of prepared images; used to check the weights' accuracy. */
    public synchronized float[][] logits(List<Image> images) {
        return run(images, List.of(FmnistCnn.LOGITS)).get(FmnistCnn.LOGITS);
    }

    /** ReLU outputs of c1..c5 for one image of any size (RGB is turned into luma first). */
    @Override
    public synchronized List<FeatureMap> layers(Image image) {
        if (image.height() < 8 || image.width() < 8) {
            // three 2x2 poolings must leave at least one cell for the deepest layer
            throw new InvalidInputException("the " + ID + " perceptual layers need images of at least 8x8 pixels, got "
                    + image.width() + "x" + image.height());
        }
        Image grey = Luma.toGrey(image);
        INDArray in = Nd4j.create(grey.pixels(), new long[] {1, 1, grey.height(), grey.width()}, 'c');
        Map<String, INDArray> acts = graph.output(Map.of(FmnistCnn.INPUT, in), FmnistCnn.CONV_LAYERS);
        List<FeatureMap> out = new ArrayList<>();
        for (String name : FmnistCnn.CONV_LAYERS) {
            INDArray a = acts.get(name).castTo(DataType.FLOAT).dup('c');
            long[] s = a.shape();
            out.add(new FeatureMap(name, (int) s[1], (int) s[2], (int) s[3], a.data().asFloat()));
        }
        return out;
    }
}
