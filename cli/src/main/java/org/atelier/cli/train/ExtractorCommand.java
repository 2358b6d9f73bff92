package org.atelier.cli.train;

import picocli.CommandLine.Command;

/** {@code atelier extractor}: (re)building the project's own feature extractors and what depends on their weights. */
@Command(name = "extractor", mixinStandardHelpOptions = true,
        description = "Retrain the feature extractors the metrics use (fmnist-v1, portraits-v1) and recompute the "
                + "reference statistics that depend on fmnist-v1's weights.",
        subcommands = {ExtractorTrainCommand.class, ReferenceStatsCommand.class})
public final class ExtractorCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "choose a subcommand: train or reference-stats");
    }
}
