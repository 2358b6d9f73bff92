package org.atelier.models.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.core.io.Hashing;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
public final class PortraitsV1 implements FeatureExtractor {
    public static final String ID = "portraits-v1";
    public static final String WEIGHTS_RESOURCE = "portraits-v1.weights";
    /** SHA-256 of the committed weights; printed by {@link PortraitsV1Trainer} after retraining. */
    public static final String WEIGHTS_SHA256 = "f74e059d984de780877f46c113253ab4f5f7615fe836517e10321edb42c56dfd";
    public static final InputSpec INPUT = new InputSpec(PortraitsCnn.CHANNELS, PortraitsCnn.SIZE, PortraitsCnn.SIZE,
            -1f, 1f);
    private static final int CHUNK = 256;
    private static final int PIXELS = PortraitsCnn.CHANNELS * PortraitsCnn.SIZE * PortraitsCnn.SIZE;

    private final SameDiff graph;
    private final String sha256;

    private PortraitsV1(SameDiff graph, String sha256) {
        this.graph = graph;
        this.sha256 = sha256;
    }

    /** Loads the committed weights from the class path, verifying their SHA-256. */
    public static PortraitsV1 load() {
        Path source = Path.of("classpath:org/atelier/models/features/" + WEIGHTS_RESOURCE);
        try (InputStream in = PortraitsV1.class.getResourceAsStream(WEIGHTS_RESOURCE)) {
            if (in == null) {
                throw new InvalidInputException(source + ": the " + ID + " weights are missing from the class path");
            }
            return fromBytes(in.readAllBytes(), source, WEIGHTS_SHA256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads weights from a file, requiring the given SHA-256 (lower-case hex). */
    public static PortraitsV1 load(Path file, String expectedSha256) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such weights file");
        }
        try {
            return fromBytes(Files.readAllBytes(file), file, expectedSha256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PortraitsV1 fromBytes(byte[] bytes, Path source, String expectedSha256) {
        String actual = Hashing.sha256(bytes);
        if (!actual.equals(expectedSha256)) {
            throw new CorruptFileException(source, "SHA-256 of the " + ID + " weights is " + actual + ", expected "
                    + expectedSha256 + " (retrain with benchmarks/train-portraits-v1.sh or restore the committed file)");
        }
        Map<String, INDArray> weights = PortraitsCnn.toArrays(WeightsFile.decode(bytes, source), source);
        return new PortraitsV1(PortraitsCnn.build(weights, PortraitsCnn.Mode.INFER), actual);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String weightsSha256() {
        return sha256;
    }

    @Override
    public int dimension() {
        return PortraitsCnn.FEATURE_DIM;
    }

    @Override
    public InputSpec input() {
        return INPUT;
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

    @Override
    public synchronized float[][] features(List<Image> images) {
        return run(images, List.of(PortraitsCnn.FEATURES)).get(PortraitsCnn.FEATURES);
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

    /** Runs chunks of images through the graph, collecting the named outputs as rows. */
    private Map<String, float[][]> run(List<Image> images, List<String> outputs) {
        Map<String, float[][]> out = new LinkedHashMap<>();
        for (String name : outputs) {
            out.put(name, new float[images.size()][]);
        }
        for (int from = 0; from < images.size(); from += CHUNK) {
            int n = Math.min(CHUNK, images.size() - from);
            float[] x = new float[n * PIXELS];
            for (int i = 0; i < n; i++) {
                Image img = images.get(from + i);
                if (img.channels() != PortraitsCnn.CHANNELS || img.height() != PortraitsCnn.SIZE
                        || img.width() != PortraitsCnn.SIZE) {
                    throw new IllegalArgumentException("image " + (from + i) + " is " + img + "; call prepare() first");
                }
                System.arraycopy(img.pixels(), 0, x, i * PIXELS, PIXELS);
            }
            INDArray in = Nd4j.create(x, new long[] {n, PortraitsCnn.CHANNELS, PortraitsCnn.SIZE, PortraitsCnn.SIZE}, 'c');
            Map<String, INDArray> acts = graph.output(Map.of(PortraitsCnn.INPUT, in), outputs);
            for (String name : outputs) {
                INDArray a = acts.get(name).castTo(DataType.FLOAT).dup('c');
                int cols = (int) a.size(1);
                float[] flat = a.data().asFloat();
                float[][] dst = out.get(name);
                for (int i = 0; i < n; i++) {
                    float[] row = new float[cols];
                    System.arraycopy(flat, i * cols, row, 0, cols);
                    dst[from + i] = row;
                }
            }
        }
        return out;
    }
}
