package org.atelier.models.features;

import java.nio.file.Path;
import org.atelier.core.errors.InvalidInputException;

/**
 * How {@link PortraitsV1Trainer#train} trains {@code portraits-v1}. The defaults are the recipe of
 * the committed weights (trained with {@code OMP_NUM_THREADS=1}: the thread count changes the
 * order of floating-point sums, hence the exact weights).
 *
 * @param out      folder to write {@code portraits-v1.weights} and {@code portraits-v1.json} into
 * @param train    balanced training portraits to render, at least one batch ({@value PortraitsV1Trainer#BATCH})
 * @param holdout  held-out portraits (seed {@value PortraitsV1Trainer#HOLDOUT_SEED}) the card's accuracies
 *                 are measured on, at least 1
 * @param epochs   passes over the training portraits, at least 1
 * @param seed     seed of the training portraits and of initialisation, shuffling, flips and dropout;
 *                 neither the held-out seed nor the demo's ({@value PortraitsV1Trainer#DEMO_SEED})
 * @param maxSteps stop after this many optimiser steps (at least 1), {@link #NO_STEP_LIMIT} for none
 */
public record PortraitsV1TrainingOptions(Path out, int train, int holdout, int epochs, long seed, long maxSteps) {
    public static final String DEFAULT_OUT = ExtractorTraining.WEIGHTS_SOURCE_FOLDER;
    public static final int DEFAULT_TRAIN = 30000;
    public static final int DEFAULT_HOLDOUT = 2000;
    public static final int DEFAULT_EPOCHS = 6;
    /** The seed the committed weights were trained with. */
    public static final long DEFAULT_SEED = 20240611L;
    public static final long NO_STEP_LIMIT = Long.MAX_VALUE;

    /** @throws InvalidInputException naming the first setting out of range */
    public PortraitsV1TrainingOptions {
        if (out == null) {
            throw new InvalidInputException("portraits-v1 training needs an output folder");
        }
        if (seed == PortraitsV1Trainer.HOLDOUT_SEED || seed == PortraitsV1Trainer.DEMO_SEED) {
            throw new InvalidInputException("seed " + seed + " is the seed of the held-out ("
                    + PortraitsV1Trainer.HOLDOUT_SEED + ") or demo (" + PortraitsV1Trainer.DEMO_SEED
                    + ") portraits; train on another seed");
        }
        if (train < PortraitsV1Trainer.BATCH) {
            throw new InvalidInputException("train must be at least one batch (" + PortraitsV1Trainer.BATCH
                    + " portraits), got " + train);
        }
        if (holdout < 1) {
            throw new InvalidInputException("holdout must be at least 1, got " + holdout);
        }
        ExtractorTraining.checkCounts(epochs, maxSteps);
    }

    /** The committed weights' recipe, writing to the default place. */
    public static PortraitsV1TrainingOptions defaults() {
        return new PortraitsV1TrainingOptions(Path.of(DEFAULT_OUT), DEFAULT_TRAIN, DEFAULT_HOLDOUT, DEFAULT_EPOCHS,
                DEFAULT_SEED, NO_STEP_LIMIT);
    }
}
