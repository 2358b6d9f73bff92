package org.atelier.models.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.atelier.core.errors.InvalidInputException;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * What {@link FmnistV1Trainer} and {@link PortraitsV1Trainer} share: the optimiser set-up, the
 * epoch loop, the random draws of shuffling and dropout, and progress lines. Each method draws
 * from the generator it is given in a fixed order; the committed weights were trained with
 * exactly these draws, so the order must not change.
 */
final class ExtractorTraining {
    /** Where the trainers write by default: the source folder the committed weights ship from. */
    static final String WEIGHTS_SOURCE_FOLDER = "models/src/main/resources/org/atelier/models/features";

    private ExtractorTraining() {
    }

    /** @throws InvalidInputException unless there is at least one epoch and one step to take */
    static void checkCounts(int epochs, long maxSteps) {
        if (epochs < 1) {
            throw new InvalidInputException("epochs must be at least 1, got " + epochs);
        }
        if (maxSteps < 1) {
            throw new InvalidInputException("max-steps must be at least 1, got " + maxSteps);
        }
    }

    /** @throws InvalidInputException unless {@code rate} is a finite positive learning rate */
    static void checkRate(String name, double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new InvalidInputException(name + " must be a positive learning rate, got " + rate);
        }
    }

    /**
     * Adam whose learning rate decays exponentially from {@code lrStart} at the first step to
     * {@code lrEnd} after {@code totalSteps}, with ND4J's weight decay of coefficient
     * {@code weightDecay}, multiplied by the learning rate ({@code weightDecay(coefficient, true)}).
     *
     * @param features the graph placeholders fed by a batch's feature arrays, in order
     * @param labels   the placeholders fed by its label arrays, in order
     */
    static TrainingConfig adam(double lrStart, double lrEnd, long totalSteps, double weightDecay,
                               List<String> features, List<String> labels) {
        double gamma = Math.pow(lrEnd / lrStart, 1.0 / Math.max(1, totalSteps));
        return TrainingConfig.builder()
                .updater(new Adam(new ExponentialSchedule(ScheduleType.ITERATION, lrStart, gamma)))
                .weightDecay(weightDecay, true)
                // copies: the config keeps the lists it is given
                .dataSetFeatureMapping(new ArrayList<>(features))
                .dataSetLabelMapping(new ArrayList<>(labels))
                .build();
    }

    /**
     * The epoch loop of both trainers: the training graph (whose config {@link #adam} set), how
     * many steps an epoch and the whole run take, and which placeholders a batch feeds.
     *
     * @param features the placeholders fed by a batch's feature arrays, in order
     * @param labels   the placeholders fed by its label arrays, in order
     * @param loss     the graph's loss variable, evaluated for progress lines
     */
    record Epochs(SameDiff sd, int batchSize, int stepsPerEpoch, long totalSteps, List<String> features,
                  List<String> labels, String loss) {
        /** The training batch of {@code batchSize} items starting at {@code order[from]}. */
        @FunctionalInterface
        interface Batches {
            MultiDataSet at(int[] order, int from);
        }

        /** Whether to evaluate and log the loss after batch {@code b} (0-based) of an epoch, global step {@code step}. */
        @FunctionalInterface
        interface LogWhen {
            boolean test(int b, long step);
        }

        /** Where an epoch ended: the global step count, and the mean of the losses evaluated in it (0 if none). */
        record Done(long step, double meanLoss) {
        }

        /**
         * Trains one epoch: first a fresh permutation of the {@code n} training items drawn from
         * {@code rng}, then one {@code fit} per batch of that order, until the epoch ends or the
         * global step reaches {@link #totalSteps}. The batches draw from {@code rng} themselves,
         * after the permutation.
         *
         * @param step the global step count before this epoch
         */
        Done run(int epoch, long step, int n, SplittableRandom rng, Batches batches, LogWhen logWhen) {
            int[] order = permutation(n, rng);
            double lossSum = 0;
            int lossCount = 0;
            long t0 = System.nanoTime();
            for (int b = 0; b < stepsPerEpoch && step < totalSteps; b++, step++) {
                MultiDataSet batch = batches.at(order, b * batchSize);
                sd.fit(batch);
                if (logWhen.test(b, step)) {
                    lossSum += batchLoss(batch);
                    lossCount++;
                    log("epoch %d step %d/%d loss %.4f (%.0f ms/step)", epoch, b + 1, stepsPerEpoch,
                            lossSum / lossCount, (System.nanoTime() - t0) / 1e6 / (b + 1));
                }
            }
            return new Done(step, lossSum / Math.max(1, lossCount));
        }

        /**
         * The loss of {@code batch} under the current weights: {@code fit()} keeps no loss curve
         * for a single batch, so the loss is evaluated on it once more.
         */
        private double batchLoss(MultiDataSet batch) {
            Map<String, INDArray> feed = new LinkedHashMap<>();
            for (int i = 0; i < features.size(); i++) {
                feed.put(features.get(i), batch.getFeatures(i));
            }
            for (int i = 0; i < labels.size(); i++) {
                feed.put(labels.get(i), batch.getLabels(i));
            }
            return sd.outputSingle(feed, loss).getDouble(0);
        }
    }

    /** A uniform random permutation of 0..n-1 (Fisher-Yates, drawing n-1 ints from the last index down). */
    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * Inverted dropout mask {@code (rows, cols)}: 1/keep with probability keep, else 0 (so
     * inference needs no rescaling); one {@code nextDouble()} per entry, in C order.
     */
    static INDArray dropMask(SplittableRandom rng, int rows, int cols, double keep) {
        float[] m = new float[rows * cols];
        float scale = (float) (1.0 / keep);
        for (int i = 0; i < m.length; i++) {
            m[i] = rng.nextDouble() < keep ? scale : 0f;
        }
        return Nd4j.create(m, new long[] {rows, cols}, 'c');
    }

    /** A progress line on standard output, formatted in the root locale and flushed at once. */
    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
        System.out.flush();
    }
}
