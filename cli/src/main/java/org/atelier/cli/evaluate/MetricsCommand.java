package org.atelier.cli.evaluate;

import picocli.CommandLine.Command;

/**
 * {@code atelier metrics}: evaluation metrics on folders and files. Register this class as a
 * subcommand of the top-level {@code atelier} command.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Evaluation metrics: distribution quality (FID, FID∞, KID, PRDC), inpainting fidelity, paired "
                + "comparisons of two fidelity evaluations, and class read-back of class-conditional samples.",
        subcommands = {DistributionCommand.class, FidelityCommand.class, CompareCommand.class, ClassReadbackCommand.class,
            SlicesCommand.class})
public final class MetricsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "choose a subcommand: distribution, fidelity, compare or class-readback");
    }
}
