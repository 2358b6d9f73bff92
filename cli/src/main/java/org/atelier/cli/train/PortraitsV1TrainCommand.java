package org.atelier.cli.train;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.atelier.models.features.PortraitsV1Trainer;
import org.atelier.models.features.PortraitsV1TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atelier extractor train portraits-v1 [--train N] [--holdout N] [--epochs N] [--seed S] [--out DIR] …}. */
@Command(name = "portraits-v1", mixinStandardHelpOptions = true,
        description = {"Retrain the portraits-v1 feature extractor (multi-task, one head per portrait attribute) on "
                + "balanced 32x32 synthetic portraits rendered on the fly, reporting per-attribute accuracy on "
                + "held-out portraits of seed " + PortraitsV1Trainer.HOLDOUT_SEED + " after each epoch, and write "
                + "portraits-v1.weights and portraits-v1.json into --out.",
            "The committed weights were trained with OMP_NUM_THREADS=1 (the thread count changes the order of "
                + "floating-point sums, hence the exact weights). Afterwards set PortraitsV1.WEIGHTS_SHA256 to the "
                + "printed hash."})
final class PortraitsV1TrainCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", defaultValue = PortraitsV1TrainingOptions.DEFAULT_OUT,
            description = "Folder to write the weights and model card into (default: ${DEFAULT-VALUE}, where the "
                    + "committed weights are).")
    Path out;

    @Option(names = "--train", paramLabel = "N", defaultValue = "" + PortraitsV1TrainingOptions.DEFAULT_TRAIN,
            description = "Training portraits, at least one batch of 128 (default: ${DEFAULT-VALUE}).")
    int train;

    @Option(names = "--holdout", paramLabel = "N", defaultValue = "" + PortraitsV1TrainingOptions.DEFAULT_HOLDOUT,
            description = "Held-out portraits the accuracies are measured on, at least 1 (default: ${DEFAULT-VALUE}).")
    int holdout;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "" + PortraitsV1TrainingOptions.DEFAULT_EPOCHS,
            description = "Passes over the training portraits, at least 1 (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + PortraitsV1TrainingOptions.DEFAULT_SEED,
            description = "Seed of the training portraits, initialisation, shuffling, flips and dropout; not the "
                    + "held-out or the demo's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-steps", paramLabel = "N", description = "Stop after N optimiser steps (default: none).")
    Long maxSteps;

    @Override
    public Integer call() {
        PortraitsV1Trainer.Result r = PortraitsV1Trainer.train(new PortraitsV1TrainingOptions(out, train, holdout, epochs,
                seed, maxSteps == null ? PortraitsV1TrainingOptions.NO_STEP_LIMIT : maxSteps));
        System.out.printf(Locale.ROOT, "wrote %s (sha256 %s), held-out accuracy %s%n", r.weights(), r.sha256(),
                PortraitsV1Trainer.format(r.accuracy()));
        System.out.printf(Locale.ROOT, "set PortraitsV1.WEIGHTS_SHA256 to \"%s\"%n", r.sha256());
        return 0;
    }
}
