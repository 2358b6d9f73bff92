package org.atelier.cli.audit;

import picocli.CommandLine.Command;

/** {@code atelier audit}: bias audits of tables, datasets and generators. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Bias audits across slices: any per-sample table, a dataset's shares, a generator's "
                + "representation, or a whole audit experiment from a config.",
        subcommands = {AuditSlicesCommand.class, AuditDatasetCommand.class})
public final class AuditCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
