package org.atelier.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top of the {@code atelier} command tree. */
@Command(name = "atelier", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"A workbench for research on image generators: GANs, neural style transfer and diffusion, "
                + "trained by one loop and scored by one evaluation harness.", ""},
        subcommands = {
            InfoCommand.class,
            org.atelier.cli.data.DatasetsCommand.class,
            org.atelier.cli.demo.DemoCommand.class,
            org.atelier.cli.data.MasksCommand.class,
            org.atelier.cli.train.TrainCommand.class,
            org.atelier.cli.generate.SampleCommand.class,
            org.atelier.cli.generate.InpaintCommand.class,
            org.atelier.cli.evaluate.InpaintEvalCommand.class,
            org.atelier.cli.train.ExportCommand.class,
            org.atelier.cli.generate.OutpaintCommand.class,
            org.atelier.cli.generate.VaryCommand.class,
            org.atelier.cli.generate.ScheduleCommand.class,
            org.atelier.cli.evaluate.MetricsCommand.class,
            org.atelier.cli.evaluate.CompareFamiliesCommand.class,
            org.atelier.cli.evaluate.SweepCommand.class,
            org.atelier.cli.evaluate.LossProfileCommand.class,
            org.atelier.cli.generate.StylizeCommand.class,
            org.atelier.cli.train.ExtractorCommand.class,
            org.atelier.cli.bench.BenchCommand.class,
            org.atelier.cli.audit.AuditCommand.class,
        },
        footer = {"", "Run 'atelier COMMAND --help' for a command's options. Errors a user can fix exit with 2, "
                + "internal errors with 1."})
final class AtelierCommand implements Runnable {
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Log at INFO level and print stack traces of errors.")
    boolean verbose;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
