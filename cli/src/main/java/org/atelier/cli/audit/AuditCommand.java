package org.atelier.cli.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.atelier.experiments.audit.AuditConfig;
import org.atelier.experiments.audit.AuditRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atelier audit}: bias audits of tables, datasets and generators, or a whole audit from a config. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Bias audits across slices. With a CONFIG (configs/audit-portraits.yaml): the training set's "
                + "shares, a Tribuo attribute classifier and each generator's representation, written as a report "
                + "(index.html, results.json, provenance.json). Or one of the subcommands."},
        subcommands = {AuditSlicesCommand.class, AuditDatasetCommand.class, AuditGeneratorCommand.class})
public final class AuditCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "An audit config (YAML).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config value, e.g. "
            + "--set sampling.samples=200 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        if (config == null) {
            spec.commandLine().usage(System.out);
            return 0;
        }
        long start = System.nanoTime();
        AuditRun.Written w = AuditRun.write(AuditConfig.load(config, overrides), s -> System.err.println("audit: " + s));
        w.findings().forEach(f -> System.out.println("- " + f));
        System.out.printf("report written to %s (%.1f s)%n", w.page(), (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
