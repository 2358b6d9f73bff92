package org.atelier.models.features;

import org.atelier.models.backend.Backends;
import static org.atelier.models.features.ExtractorTraining.dropMask;
import static org.atelier.models.features.ExtractorTraining.log;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.atelier.core.image.Image;
import org.atelier.core.io.Hashing;
import org.atelier.core.io.Json;
import org.atelier.core.random.Seeds;
import org.atelier.datasets.Sample;
import org.atelier.datasets.portraits.PortraitSpec;
import org.atelier.datasets.portraits.SyntheticPortraits;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains the {@code portraits-v1} feature extractor on balanced synthetic portraits (every
 * attribute uniform, {@link PortraitSpec#uniform}) and writes its weights and a model card.
 * A held-out portrait set of another seed is used only to report per-attribute accuracy after
 * each epoch; nothing is selected on it (the last epoch's weights are kept whatever they score).
 *
 * <p>Recipe: Adam (lr 1e-3 decaying exponentially to 3e-5 over the run), batch 128, weight
 * decay 1e-4, dropout 0.25 before and 0.5 after the 256-d layer, random horizontal flips (every
 * attribute is mirror-symmetric); He-normal initialisation; loss = sum over the attribute heads
 * of their cross-entropies. The training images are rendered once and kept in memory.
 *
 * <p>Seeds: the training portraits are {@code uniform(32, train, seed)}; initialisation,
 * shuffling, flips and dropout all come from a stream derived from the same {@code seed}. The
 * held-out set is {@code uniform(32, holdout, HOLDOUT_SEED)}, a seed the trainer refuses to train
 * on, and distinct from the demo's seed 7.
 *
 * <p>{@code atelier extractor train portraits-v1} (and {@code benchmarks/train-portraits-v1.sh}) run it;
 * from Java: {@code PortraitsV1Trainer.train(PortraitsV1TrainingOptions.defaults())}.
 */
public final class PortraitsV1Trainer {
    /** Seed of the held-out portraits the card's accuracies are measured on. */
    public static final long HOLDOUT_SEED = 20240612L;
    /** Seed of the demo's portraits; refused as a training seed so the demo data stay unseen. */
    static final long DEMO_SEED = 7L;
    static final int BATCH = 128;
    static final double LR_START = 1e-3;
    static final double LR_END = 3e-5;
    static final double WEIGHT_DECAY = 1e-4;
    static final double KEEP_FLAT = 0.75;
    static final double KEEP_FC1 = 0.5;
    private static final int SIZE = PortraitsCnn.SIZE;
    private static final int PIXELS = PortraitsCnn.CHANNELS * SIZE * SIZE;
    /** Placeholders fed by a training batch's feature arrays (its label arrays feed {@link PortraitsCnn#labelNames}). */
    private static final List<String> FEATURE_MAPPING =
            List.of(PortraitsCnn.INPUT, PortraitsCnn.DROP_FLAT, PortraitsCnn.DROP_FC1);

    private PortraitsV1Trainer() {
    }

    /** The held-out portraits of the model card (its first {@code n} images are a slice of it). */
    public static SyntheticPortraits holdout(int n) {
        return new SyntheticPortraits(PortraitSpec.uniform(SIZE, n, HOLDOUT_SEED));
    }

    /**
     * What a run wrote.
     *
     * @param weights  the weights file
     * @param card     the model card beside it
     * @param sha256   the weights' SHA-256, to pin in {@link PortraitsV1#WEIGHTS_SHA256}
     * @param accuracy per attribute, the share of held-out portraits whose head picks the true value
     * @param steps    optimiser steps taken
     */
    public record Result(Path weights, Path card, String sha256, Map<String, Double> accuracy, long steps) {
        public Result {
            accuracy = Collections.unmodifiableMap(new LinkedHashMap<>(accuracy));
        }
    }

    /**
     * Renders the portraits, trains, reports held-out accuracy after each epoch (progress lines
     * on standard output) and writes the last epoch's weights and their model card atomically.
     */
    public static Result train(PortraitsV1TrainingOptions o) {
        Path out = o.out();
        int trainCount = o.train();
        int holdoutCount = o.holdout();
        int epochs = o.epochs();
        long seed = o.seed();
        long started = System.nanoTime();
        SyntheticPortraits trainSet = new SyntheticPortraits(PortraitSpec.uniform(SIZE, trainCount, seed));
        SyntheticPortraits holdoutSet = holdout(holdoutCount);
        Rendered train = Rendered.of(trainSet);
        List<Image> holdoutImages = new ArrayList<>();
        for (int i = 0; i < holdoutCount; i++) {
            holdoutImages.add(holdoutSet.get(i).image());
        }
        log("rendered %d training portraits (%s) and %d held-out (%s) in %.1f s", trainCount, trainSet.id(),
                holdoutCount, holdoutSet.id(), (System.nanoTime() - started) / 1e9);

        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "portraits-v1/training"));
        Nd4j.getRandom().setSeed(seed);
        SameDiff sd = PortraitsCnn.build(PortraitsCnn.initialWeights(rng.split()), PortraitsCnn.Mode.TRAIN);
        int stepsPerEpoch = trainCount / BATCH;
        long totalSteps = Math.min((long) stepsPerEpoch * epochs, o.maxSteps());
        sd.setTrainingConfig(ExtractorTraining.adam(LR_START, LR_END, totalSteps, WEIGHT_DECAY, FEATURE_MAPPING,
                PortraitsCnn.labelNames()));

        ExtractorTraining.Epochs loop = new ExtractorTraining.Epochs(sd, BATCH, stepsPerEpoch, totalSteps,
                FEATURE_MAPPING, PortraitsCnn.labelNames(), PortraitsCnn.LOSS);
        long step = 0;
        Map<String, Double> accuracy = Map.of();
        long trainStarted = System.nanoTime();
        for (int epoch = 1; epoch <= epochs && step < totalSteps; epoch++) {
            ExtractorTraining.Epochs.Done done = loop.run(epoch, step, trainCount, rng,
                    (order, from) -> trainingBatch(train, order, from, rng), (b, s) -> (b + 1) % 25 == 0 || s == 4);
            step = done.step();
            byte[] bytes = WeightsFile.encode(PortraitsCnn.export(sd));
            PortraitsV1 current = PortraitsV1.fromBytes(bytes, Path.of("(in memory)"), Hashing.sha256(bytes));
            accuracy = accuracy(current, holdoutSet, holdoutImages);
            log("epoch %d done: mean loss %.4f, held-out accuracy %s, %.1f min elapsed", epoch,
                    done.meanLoss(), format(accuracy), (System.nanoTime() - started) / 6e10);
        }

        Map<String, WeightsFile.Tensor> weights = PortraitsCnn.export(sd);
        byte[] bytes = WeightsFile.encode(weights);
        Path weightsFile = out.resolve(PortraitsV1.WEIGHTS_RESOURCE);
        WeightsFile.write(weightsFile, weights);
        String sha = Hashing.sha256(bytes);
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("id", PortraitsV1.ID);
        card.put("weights", PortraitsV1.WEIGHTS_RESOURCE);
        card.put("sha256", sha);
        card.put("input", PortraitsV1.INPUT.describe());
        card.put("feature_dimension", PortraitsCnn.FEATURE_DIM);
        card.put("heldout_accuracy", accuracy);
        card.put("heldout_images", holdoutCount);
        card.put("heldout_seed", HOLDOUT_SEED);
        card.put("heldout_dataset", holdoutSet.id());
        card.put("train_images", trainCount);
        card.put("train_dataset", trainSet.id());
        card.put("train_dataset_sha256", trainSet.contentHash());
        card.put("train_spec", "uniform shares of every attribute (balanced), size 32");
        card.put("seed", seed);
        card.put("epochs", epochs);
        card.put("steps", step);
        card.put("batch", BATCH);
        card.put("recipe", String.format(Locale.ROOT, "multi-task: sum of per-attribute softmax cross-entropies; "
                + "Adam lr %.1e -> %.1e exponential, weight decay %.0e, dropout 0.25/0.5, horizontal flips",
                LR_START, LR_END, WEIGHT_DECAY));
        card.put("nd4j_backend", Backends.name());
        String threads = System.getenv("OMP_NUM_THREADS");
        card.put("omp_num_threads", threads == null ? "unset" : threads);
        card.put("train_minutes", (System.nanoTime() - trainStarted) / 6e10);
        card.put("total_minutes", (System.nanoTime() - started) / 6e10);
        card.put("command", "OMP_NUM_THREADS=1 benchmarks/train-portraits-v1.sh");
        Path cardFile = out.resolve("portraits-v1.json");
        Json.write(cardFile, card);
        return new Result(weightsFile, cardFile, sha, accuracy, step);
    }

    /**
     * Per-attribute share of images whose arg-max head output is the true value.
     *
     * @param set    the portraits whose ground truth is used
     * @param images the first {@code images.size()} images of {@code set}
     */
    static Map<String, Double> accuracy(PortraitsV1 extractor, SyntheticPortraits set, List<Image> images) {
        List<Map<String, String>> predicted = extractor.predict(images);
        Map<String, Double> out = new LinkedHashMap<>();
        for (PortraitsCnn.Head h : PortraitsCnn.HEADS) {
            int correct = 0;
            for (int i = 0; i < images.size(); i++) {
                correct += predicted.get(i).get(h.attribute()).equals(set.attributesOf(i).get(h.attribute())) ? 1 : 0;
            }
            out.put(h.attribute(), correct / (double) images.size());
        }
        return out;
    }

    /** Accuracies as "attribute 0.123, …", in the heads' order. */
    public static String format(Map<String, Double> accuracy) {
        StringBuilder s = new StringBuilder();
        accuracy.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.3f", v)));
        return s.toString();
    }

    /** Training images (N, 3*32*32) in [-1, 1] and per image the class index of every head. */
    record Rendered(float[][] images, int[][] classes) {
        static Rendered of(SyntheticPortraits set) {
            float[][] images = new float[set.size()][];
            int[][] classes = new int[set.size()][PortraitsCnn.HEADS.size()];
            for (int i = 0; i < set.size(); i++) {
                Sample s = set.get(i);
                images[i] = s.image().pixels();
                for (int h = 0; h < PortraitsCnn.HEADS.size(); h++) {
                    PortraitsCnn.Head head = PortraitsCnn.HEADS.get(h);
                    int c = head.classOf(s.attributes().get(head.attribute()));
                    if (c < 0) {
                        throw new IllegalStateException("portrait " + i + " has " + head.attribute() + "="
                                + s.attributes().get(head.attribute()) + ", not one of " + head.classes());
                    }
                    classes[i][h] = c;
                }
            }
            return new Rendered(images, classes);
        }
    }

    private static MultiDataSet trainingBatch(Rendered data, int[] order, int from, SplittableRandom rng) {
        float[] x = new float[BATCH * PIXELS];
        List<PortraitsCnn.Head> heads = PortraitsCnn.HEADS;
        float[][] y = new float[heads.size()][];
        for (int h = 0; h < heads.size(); h++) {
            y[h] = new float[BATCH * heads.get(h).classes().size()];
        }
        for (int i = 0; i < BATCH; i++) {
            int idx = order[from + i];
            copy(data.images()[idx], rng.nextBoolean(), x, i * PIXELS);
            for (int h = 0; h < heads.size(); h++) {
                y[h][i * heads.get(h).classes().size() + data.classes()[idx][h]] = 1f;
            }
        }
        INDArray input = Nd4j.create(x, new long[] {BATCH, PortraitsCnn.CHANNELS, SIZE, SIZE}, 'c');
        INDArray[] labels = new INDArray[heads.size()];
        for (int h = 0; h < heads.size(); h++) {
            labels[h] = Nd4j.create(y[h], new long[] {BATCH, heads.get(h).classes().size()}, 'c');
        }
        INDArray dropFlat = dropMask(rng, BATCH, PortraitsCnn.FLAT, KEEP_FLAT);
        INDArray dropFc1 = dropMask(rng, BATCH, PortraitsCnn.FEATURE_DIM, KEEP_FC1);
        return new MultiDataSet(new INDArray[] {input, dropFlat, dropFc1}, labels);
    }

    /** Copies a (3, 32, 32) image, mirrored left to right when {@code flip}. */
    private static void copy(float[] src, boolean flip, float[] dst, int offset) {
        if (!flip) {
            System.arraycopy(src, 0, dst, offset, PIXELS);
            return;
        }
        for (int row = 0; row < PortraitsCnn.CHANNELS * SIZE; row++) {
            int base = row * SIZE;
            for (int col = 0; col < SIZE; col++) {
                dst[offset + base + col] = src[base + SIZE - 1 - col];
            }
        }
    }
}
