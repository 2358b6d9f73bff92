package org.atelier.models.features;

import java.nio.file.Path;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.datasets.fashion.FashionMnist;

/**
 * How {@link FmnistV1Trainer#train} trains {@code fmnist-v1}. The defaults are the recipe of the
 * committed weights; relative paths are taken from the working folder (the repository root when
 * run through {@code ./atelier}).
 *
 * @param data     folder of the gzip'd Fashion-MNIST IDX files (train and t10k images and labels)
 * @param out      folder to write {@code fmnist-v1.weights} and {@code fmnist-v1.json} into
 * @param epochs   passes over the train split, at least 1
 * @param seed     seed of initialisation, shuffling, shifts and dropout
 * @param maxSteps stop after this many optimiser steps (at least 1), {@link #NO_STEP_LIMIT} for none
 * @param init     weights to start from (a second, low-learning-rate stage), or null for He initialisation
 * @param lrStart  Adam learning rate at the first step, finite and positive
 * @param lrEnd    learning rate reached at the last step (exponential decay), finite and positive
 */
public record FmnistV1TrainingOptions(Path data, Path out, int epochs, long seed, long maxSteps, Path init,
                                      double lrStart, double lrEnd) {
    public static final String DEFAULT_DATA = FashionMnist.DEBIAN_FOLDER;
    public static final String DEFAULT_OUT = ExtractorTraining.WEIGHTS_SOURCE_FOLDER;
    public static final int DEFAULT_EPOCHS = 15;
    public static final long DEFAULT_SEED = 20240601L;
    public static final double DEFAULT_LR_START = 1e-3;
    public static final double DEFAULT_LR_END = 3e-5;
    public static final long NO_STEP_LIMIT = Long.MAX_VALUE;

    /** @throws InvalidInputException naming the first setting out of range */
    public FmnistV1TrainingOptions {
        if (data == null || out == null) {
            throw new InvalidInputException("fmnist-v1 training needs a data folder and an output folder");
        }
        ExtractorTraining.checkCounts(epochs, maxSteps);
        ExtractorTraining.checkRate("lr-start", lrStart);
        ExtractorTraining.checkRate("lr-end", lrEnd);
    }

    /** The committed weights' recipe, reading from and writing to the default places. */
    public static FmnistV1TrainingOptions defaults() {
        return new FmnistV1TrainingOptions(Path.of(DEFAULT_DATA), Path.of(DEFAULT_OUT), DEFAULT_EPOCHS, DEFAULT_SEED,
                NO_STEP_LIMIT, null, DEFAULT_LR_START, DEFAULT_LR_END);
    }
}
