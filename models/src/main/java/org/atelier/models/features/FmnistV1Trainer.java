package org.atelier.models.features;

import org.atelier.models.backend.Backends;
import static org.atelier.models.features.ExtractorTraining.dropMask;
import static org.atelier.models.features.ExtractorTraining.log;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.io.Hashing;
import org.atelier.core.io.Json;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains the {@code fmnist-v1} feature extractor on the Fashion-MNIST train split and writes
 * its weights and a model card. The test split is used only to report accuracy after each
 * epoch; nothing is selected on it (the last epoch's weights are kept whatever they score).
 *
 * <p>Recipe: Adam (lr 1e-3 decaying exponentially to 3e-5 over the run), batch 128, weight
 * decay 1e-4, dropout 0.25 before and 0.5 after the 256-d layer, random shifts of up to 2
 * pixels (background-filled) as augmentation; He-normal initialisation. All randomness from
 * one seed.
 *
 * <p>{@code atelier extractor train fmnist-v1} (and {@code benchmarks/train-fmnist-v1.sh}) run it;
 * from Java: {@code FmnistV1Trainer.train(FmnistV1TrainingOptions.defaults())}.
 */
public final class FmnistV1Trainer {
    static final int BATCH = 128;
    static final double WEIGHT_DECAY = 1e-4;
    static final double KEEP_FLAT = 0.75;
    static final double KEEP_FC1 = 0.5;
    static final int MAX_SHIFT = 2;
    /** Placeholders fed by a training batch's feature arrays, and by its label array. */
    private static final List<String> FEATURE_MAPPING = List.of(FmnistCnn.INPUT, FmnistCnn.DROP_FLAT, FmnistCnn.DROP_FC1);
    private static final List<String> LABEL_MAPPING = List.of(FmnistCnn.LABELS);

    private FmnistV1Trainer() {
    }

    /**
     * What a run wrote.
     *
     * @param weights      the weights file
     * @param card         the model card beside it
     * @param sha256       the weights' SHA-256, to pin in {@link FmnistV1#WEIGHTS_SHA256}
     * @param testAccuracy share of the test split classified right after the last epoch
     * @param steps        optimiser steps taken
     */
    public record Result(Path weights, Path card, String sha256, double testAccuracy, long steps) {
    }

    /**
     * Trains on the train split, reports test accuracy after each epoch (progress lines on
     * standard output) and writes the last epoch's weights and their model card atomically.
     *
     * @throws InvalidInputException when a data file or the {@code init} weights are missing
     * @throws org.atelier.core.errors.CorruptFileException when an IDX or weights file is malformed
     */
    public static Result train(FmnistV1TrainingOptions o) {
        Path data = o.data();
        Path out = o.out();
        int epochs = o.epochs();
        long seed = o.seed();
        Path init = o.init();
        if (init != null && !Files.isRegularFile(init)) {
            throw new InvalidInputException(init + ": no such weights file to start from (init)");
        }
        Path trainImages = data.resolve("train-images-idx3-ubyte.gz");
        Path trainLabels = data.resolve("train-labels-idx1-ubyte.gz");
        Path testImages = data.resolve("t10k-images-idx3-ubyte.gz");
        Path testLabels = data.resolve("t10k-labels-idx1-ubyte.gz");
        Split train = new Split(IdxLoader.images(trainImages), IdxLoader.labels(trainLabels));
        Split test = new Split(IdxLoader.images(testImages), IdxLoader.labels(testLabels));
        log("train %d images, test %d images", train.size(), test.size());

        SplittableRandom rng = new SplittableRandom(seed);
        Nd4j.getRandom().setSeed(seed);
        var initial = FmnistCnn.initialWeights(rng.split());
        if (init != null) {
            initial = FmnistCnn.toArrays(WeightsFile.decode(readAll(init), init), init);
            log("starting from %s (sha256 %s)", init, Hashing.sha256(init));
        }
        SameDiff sd = FmnistCnn.build(initial, FmnistCnn.Mode.TRAIN);
        int stepsPerEpoch = train.size() / BATCH;
        long totalSteps = Math.min((long) stepsPerEpoch * epochs, o.maxSteps());
        sd.setTrainingConfig(ExtractorTraining.adam(o.lrStart(), o.lrEnd(), totalSteps, WEIGHT_DECAY, FEATURE_MAPPING,
                LABEL_MAPPING));

        ExtractorTraining.Epochs loop = new ExtractorTraining.Epochs(sd, BATCH, stepsPerEpoch, totalSteps,
                FEATURE_MAPPING, LABEL_MAPPING, FmnistCnn.LOSS);
        long step = 0;
        double accuracy = Double.NaN;
        long started = System.nanoTime();
        for (int epoch = 1; epoch <= epochs && step < totalSteps; epoch++) {
            ExtractorTraining.Epochs.Done done = loop.run(epoch, step, train.size(), rng,
                    (order, from) -> trainingBatch(train, order, from, rng), (b, s) -> (b + 1) % 50 == 0);
            step = done.step();
            accuracy = accuracy(FmnistCnn.export(sd), test);
            log("epoch %d done: mean loss %.4f, test accuracy %.4f, %.1f min elapsed", epoch,
                    done.meanLoss(), accuracy, (System.nanoTime() - started) / 6e10);
        }

        Map<String, WeightsFile.Tensor> weights = FmnistCnn.export(sd);
        byte[] bytes = WeightsFile.encode(weights);
        Path weightsFile = out.resolve(FmnistV1.WEIGHTS_RESOURCE);
        WeightsFile.write(weightsFile, weights);
        String sha = Hashing.sha256(bytes);
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("id", FmnistV1.ID);
        card.put("weights", FmnistV1.WEIGHTS_RESOURCE);
        card.put("sha256", sha);
        card.put("test_accuracy", accuracy);
        card.put("test_images", test.size());
        card.put("train_images", train.size());
        card.put("epochs", epochs);
        card.put("steps", step);
        card.put("batch", BATCH);
        card.put("seed", seed);
        card.put("recipe", String.format(Locale.ROOT, "Adam lr %.1e -> %.1e exponential, weight decay 1e-4, "
                + "dropout 0.25/0.5, shifts <= 2 px", o.lrStart(), o.lrEnd()));
        card.put("initialised_from", init == null ? "He normal" : Hashing.sha256(init));
        card.put("train_images_sha256", Hashing.sha256(trainImages));
        card.put("train_labels_sha256", Hashing.sha256(trainLabels));
        card.put("nd4j_backend", Backends.name());
        card.put("train_minutes", (System.nanoTime() - started) / 6e10);
        card.put("command", "benchmarks/train-fmnist-v1.sh");
        Path cardFile = out.resolve("fmnist-v1.json");
        Json.write(cardFile, card);
        return new Result(weightsFile, cardFile, sha, accuracy, step);
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Images as (N, 784) floats in [-1, 1] and labels 0..9. */
    record Split(float[][] images, int[] labels) {
        Split {
            if (images.length != labels.length) {
                throw new IllegalArgumentException(images.length + " images but " + labels.length + " labels");
            }
        }

        int size() {
            return labels.length;
        }
    }

    private static MultiDataSet trainingBatch(Split s, int[] order, int from, SplittableRandom rng) {
        int px = FmnistCnn.SIZE * FmnistCnn.SIZE;
        float[] x = new float[BATCH * px];
        float[] y = new float[BATCH * FmnistCnn.CLASSES];
        for (int i = 0; i < BATCH; i++) {
            int idx = order[from + i];
            shifted(s.images()[idx], rng.nextInt(-MAX_SHIFT, MAX_SHIFT + 1), rng.nextInt(-MAX_SHIFT, MAX_SHIFT + 1),
                    x, i * px);
            y[i * FmnistCnn.CLASSES + s.labels()[idx]] = 1f;
        }
        INDArray input = Nd4j.create(x, new long[] {BATCH, 1, FmnistCnn.SIZE, FmnistCnn.SIZE}, 'c');
        INDArray labels = Nd4j.create(y, new long[] {BATCH, FmnistCnn.CLASSES}, 'c');
        INDArray dropFlat = dropMask(rng, BATCH, FmnistCnn.FLAT, KEEP_FLAT);
        INDArray dropFc1 = dropMask(rng, BATCH, FmnistCnn.FEATURE_DIM, KEEP_FC1);
        return new MultiDataSet(new INDArray[] {input, dropFlat, dropFc1}, new INDArray[] {labels});
    }

    /** Copies a 28x28 image moved by (dx, dy), filling uncovered pixels with background (-1). */
    private static void shifted(float[] src, int dx, int dy, float[] dst, int offset) {
        int n = FmnistCnn.SIZE;
        for (int yy = 0; yy < n; yy++) {
            for (int xx = 0; xx < n; xx++) {
                int sy = yy - dy;
                int sx = xx - dx;
                dst[offset + yy * n + xx] = sy >= 0 && sy < n && sx >= 0 && sx < n ? src[sy * n + sx] : -1f;
            }
        }
    }

    /** Share of test images whose arg-max logit is the label, with the inference graph. */
    static double accuracy(Map<String, WeightsFile.Tensor> weights, Split test) {
        SameDiff sd = FmnistCnn.build(FmnistCnn.toArrays(weights, Path.of("(in memory)")), FmnistCnn.Mode.INFER);
        int px = FmnistCnn.SIZE * FmnistCnn.SIZE;
        int correct = 0;
        int chunk = 500;
        for (int from = 0; from < test.size(); from += chunk) {
            int n = Math.min(chunk, test.size() - from);
            float[] x = new float[n * px];
            for (int i = 0; i < n; i++) {
                System.arraycopy(test.images()[from + i], 0, x, i * px, px);
            }
            INDArray in = Nd4j.create(x, new long[] {n, 1, FmnistCnn.SIZE, FmnistCnn.SIZE}, 'c');
            INDArray logits = sd.outputSingle(Map.of(FmnistCnn.INPUT, in), FmnistCnn.LOGITS);
            INDArray pred = logits.argMax(1);
            for (int i = 0; i < n; i++) {
                if (pred.getInt(i) == test.labels()[from + i]) {
                    correct++;
                }
            }
        }
        return correct / (double) test.size();
    }

    /**
     * Minimal reader of gzip'd IDX files (LeCun's MNIST format: big-endian magic 0x0803 for
     * uint8 images, 0x0801 for uint8 labels, then dimensions, then bytes).
     * TODO: switch to org.atelier.datasets.fashion.FashionMnist / idx.IdxReader once merged.
     */
    static final class IdxLoader {
        private IdxLoader() {
        }

        static float[][] images(Path file) {
            try (DataInputStream in = open(file)) {
                int magic = in.readInt();
                if (magic != 0x00000803) {
                    throw new CorruptFileException(file, String.format("IDX magic 0x%08x, expected 0x00000803 (uint8 images)", magic));
                }
                int n = in.readInt();
                int rows = in.readInt();
                int cols = in.readInt();
                if (rows != FmnistCnn.SIZE || cols != FmnistCnn.SIZE || n <= 0) {
                    throw new CorruptFileException(file, n + " images of " + rows + "x" + cols + ", expected 28x28");
                }
                byte[] buf = new byte[rows * cols];
                float[][] out = new float[n][rows * cols];
                for (int i = 0; i < n; i++) {
                    in.readFully(buf);
                    for (int p = 0; p < buf.length; p++) {
                        out[i][p] = (buf[p] & 0xff) / 127.5f - 1f;
                    }
                }
                return out;
            } catch (IOException e) {
                throw new CorruptFileException(file, "unreadable or truncated IDX file (" + e.getMessage() + ")", e);
            }
        }

        static int[] labels(Path file) {
            try (DataInputStream in = open(file)) {
                int magic = in.readInt();
                if (magic != 0x00000801) {
                    throw new CorruptFileException(file, String.format("IDX magic 0x%08x, expected 0x00000801 (uint8 labels)", magic));
                }
                int n = in.readInt();
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = in.readUnsignedByte();
                    if (out[i] >= FmnistCnn.CLASSES) {
                        throw new CorruptFileException(file, "label " + out[i] + " at index " + i + ", expected 0..9");
                    }
                }
                return out;
            } catch (IOException e) {
                throw new CorruptFileException(file, "unreadable or truncated IDX file (" + e.getMessage() + ")", e);
            }
        }

        private static DataInputStream open(Path file) throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException(file + ": no such file (Fashion-MNIST IDX expected; "
                        + "the Debian package dataset-fashion-mnist installs it under /usr/share/datasets/fashion-mnist)");
            }
            InputStream raw = Files.newInputStream(file);
            return new DataInputStream(new java.io.BufferedInputStream(
                    file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw, 1 << 16));
        }
    }
}
