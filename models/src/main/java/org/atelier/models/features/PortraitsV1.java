package org.atelier.models.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@code portraits-v1} extractor: the project's multi-task CNN ({@link PortraitsCnn})
 * trained on balanced synthetic portraits by {@link PortraitsV1Trainer}, one softmax head per
 * attribute; features are the 256 ReLU outputs of its shared penultimate layer. Native input
 * 3x32x32 RGB in [-1, 1]; grey images and other sizes are refused (a grey image carries no
 * skin colour, and images are never resized behind the user's back). The weights ship as a
 * class-path resource whose SHA-256 must equal {@link #WEIGHTS_SHA256}.
 *
 * <p>Meant for images like the synthetic portraits (rendered 32x32 faces and generators
 * trained on them); on natural photographs its features mean little.
 *
 * <p>Not thread-safe across calls on one instance (SameDiff sessions are not); methods are
 * synchronised.
 */
public final class PortraitsV1 extends GraphExtractor {
    public static final String ID = "portraits-v1";
    public static final String WEIGHTS_RESOURCE = "portraits-v1.weights";
    /** SHA-256 of the committed weights; printed by {@link PortraitsV1Trainer} after retraining. */
    public static final String WEIGHTS_SHA256 = "f74e059d984de780877f46c113253ab4f5f7615fe836517e10321edb42c56dfd";
    public static final InputSpec INPUT = new InputSpec(PortraitsCnn.CHANNELS, PortraitsCnn.SIZE, PortraitsCnn.SIZE,
            -1f, 1f);

    private PortraitsV1(SameDiff graph, String sha256) {
        super(ID, INPUT, PortraitsCnn.FEATURE_DIM, graph, PortraitsCnn.INPUT, sha256);
    }

    /** Loads the committed weights from the class path, verifying their SHA-256. */
    public static PortraitsV1 load() {
        return PinnedWeights.fromClassPath(WEIGHTS_RESOURCE, ID, WEIGHTS_SHA256, PortraitsV1::fromBytes);
    }

    /** Loads weights from a file, requiring the given SHA-256 (lower-case hex). */
    public static PortraitsV1 load(Path file, String expectedSha256) {
        return PinnedWeights.fromFile(file, expectedSha256, PortraitsV1::fromBytes);
    }

    static PortraitsV1 fromBytes(byte[] bytes, Path source, String expectedSha256) {
        String actual = PinnedWeights.verify(bytes, source, expectedSha256, ID, "benchmarks/train-portraits-v1.sh");
        Map<String, INDArray> weights = PortraitsCnn.toArrays(WeightsFile.decode(bytes, source), source);
        return new PortraitsV1(PortraitsCnn.build(weights, PortraitsCnn.Mode.INFER), actual);
    }

    /** Returns RGB images of 32x32 as they are; refuses grey images and other sizes. */
    @Override
    public Image prepare(Image image, String source) {
        if (image.channels() != PortraitsCnn.CHANNELS || image.height() != PortraitsCnn.SIZE
                || image.width() != PortraitsCnn.SIZE) {
            String got = image.channels() + "x" + image.height() + "x" + image.width()
                    + (image.channels() == 1 ? " grey" : "");
            throw new InvalidInputException(source + ": image is " + got + ", but " + ID + " takes "
                    + INPUT.describe() + " (images are not resized, and grey images carry no skin colour)");
        }
        return image;
    }

    /**
     * Logits of every head ({@link PortraitsCnn#HEADS}) for prepared images: attribute name to
     * one row per image, one column per class in {@link PortraitsCnn.Head#classes()} order.
     */
    public synchronized Map<String, float[][]> logits(List<Image> images) {
        List<String> names = PortraitsCnn.HEADS.stream().map(PortraitsCnn.Head::logits).toList();
        Map<String, float[][]> byName = run(images, names);
        Map<String, float[][]> out = new LinkedHashMap<>();
        for (PortraitsCnn.Head h : PortraitsCnn.HEADS) {
            out.put(h.attribute(), byName.get(h.logits()));
        }
        return out;
    }

    /** The predicted value of every attribute (arg-max of its head) for each prepared image. */
    public List<Map<String, String>> predict(List<Image> images) {
        Map<String, float[][]> logits = logits(images);
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            Map<String, String> row = new LinkedHashMap<>();
            for (PortraitsCnn.Head h : PortraitsCnn.HEADS) {
                row.put(h.attribute(), h.classes().get(argMax(logits.get(h.attribute())[i])));
            }
            out.add(row);
        }
        return out;
    }

    static int argMax(float[] v) {
        int best = 0;
        for (int c = 1; c < v.length; c++) {
            if (v[c] > v[best]) {
                best = c;
            }
        }
        return best;
    }
}
