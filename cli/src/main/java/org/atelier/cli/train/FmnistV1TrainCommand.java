package org.atelier.cli.train;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.atelier.models.features.FmnistV1Trainer;
import org.atelier.models.features.FmnistV1TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atelier extractor train fmnist-v1 [--epochs N] [--seed S] [--data DIR] [--out DIR] …}. */
@Command(name = "fmnist-v1", mixinStandardHelpOptions = true,
        description = {"Retrain the fmnist-v1 feature extractor on the Fashion-MNIST train split (Debian package "
                + "dataset-fashion-mnist), reporting test accuracy after each epoch, and write fmnist-v1.weights and "
                + "fmnist-v1.json into --out.",
            "Afterwards set FmnistV1.WEIGHTS_SHA256 to the printed hash and rerun 'atelier extractor reference-stats' "
                + "(the committed reference statistics depend on the weights)."})
final class FmnistV1TrainCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = FmnistV1TrainingOptions.DEFAULT_DATA,
            description = "Folder of the gzip'd Fashion-MNIST IDX files (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = FmnistV1TrainingOptions.DEFAULT_OUT,
            description = "Folder to write the weights and model card into (default: ${DEFAULT-VALUE}, where the "
                    + "committed weights are).")
    Path out;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "" + FmnistV1TrainingOptions.DEFAULT_EPOCHS,
            description = "Passes over the train split, at least 1 (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + FmnistV1TrainingOptions.DEFAULT_SEED,
            description = "Seed of initialisation, shuffling, shifts and dropout (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-steps", paramLabel = "N", description = "Stop after N optimiser steps (default: none).")
    Long maxSteps;

    @Option(names = "--init", paramLabel = "WEIGHTS",
            description = "Start from these weights instead of He initialisation (a second, low-learning-rate stage).")
    Path init;

    @Option(names = "--lr-start", paramLabel = "X", defaultValue = "" + FmnistV1TrainingOptions.DEFAULT_LR_START,
            description = "Adam learning rate at the first step (default: ${DEFAULT-VALUE}).")
    double lrStart;

    @Option(names = "--lr-end", paramLabel = "X", defaultValue = "" + FmnistV1TrainingOptions.DEFAULT_LR_END,
            description = "Learning rate reached at the last step, decaying exponentially (default: ${DEFAULT-VALUE}).")
    double lrEnd;

    @Override
    public Integer call() {
        FmnistV1Trainer.Result r = FmnistV1Trainer.train(new FmnistV1TrainingOptions(data, out, epochs, seed,
                maxSteps == null ? FmnistV1TrainingOptions.NO_STEP_LIMIT : maxSteps, init, lrStart, lrEnd));
        System.out.printf(Locale.ROOT, "wrote %s (sha256 %s), test accuracy %.4f%n", r.weights(), r.sha256(),
                r.testAccuracy());
        System.out.printf(Locale.ROOT, "set FmnistV1.WEIGHTS_SHA256 to \"%s\"%n", r.sha256());
        return 0;
    }
}
