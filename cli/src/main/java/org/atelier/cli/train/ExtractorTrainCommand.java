package org.atelier.cli.train;

import picocli.CommandLine.Command;

/** {@code atelier extractor train fmnist-v1|portraits-v1}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Retrain one feature extractor and write its weights and model card.",
        subcommands = {FmnistV1TrainCommand.class, PortraitsV1TrainCommand.class})
final class ExtractorTrainCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "choose an extractor: fmnist-v1 or portraits-v1");
    }
}
