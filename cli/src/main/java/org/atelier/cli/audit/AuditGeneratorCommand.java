package org.atelier.cli.audit;

import java.util.Map;
import java.util.concurrent.Callable;
import org.atelier.experiments.audit.AuditConfig;
import org.atelier.experiments.audit.AuditRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atelier audit generator}: one generator's representation of an attribute, as a report. */
@Command(name = "generator", mixinStandardHelpOptions = true,
        description = {"How a generator represents an attribute: its samples read by a Tribuo classifier trained on "
                + "labelled portraits, shares against the training set's with raw and confusion-corrected "
                + "amplification factors and bootstrap intervals, and the quality per slice (KID and FID of the samples "
                + "read as each value against real images of it); writes a report and prints the findings.",
                "Diffusion models and unconditional GANs (a dcgan run folder or published folder) alike."})
public final class AuditGeneratorCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "A published model's name (ddpm-portraits), a published folder or a run folder.")
    String model;

    @Option(names = "--training-set", paramLabel = "NAME",
            description = "The data the generator was trained on, e.g. 'portraits-32?n=20000&seed=7'; default: the "
                    + "data its own config names.")
    String trainingSet;

    @Option(names = "--attribute", defaultValue = "skin_group", paramLabel = "ATTR",
            description = "The attribute audited (default ${DEFAULT-VALUE}).")
    String attribute;

    @Option(names = "--labelled", defaultValue = "portraits-32?n=1200&seed=11", paramLabel = "NAME",
            description = "Labelled images the classifier learns from: first --train, then --held-out "
                    + "(default ${DEFAULT-VALUE}).")
    String labelled;

    @Option(names = "--train", defaultValue = "600", paramLabel = "N", description = "Default ${DEFAULT-VALUE}.")
    int train;

    @Option(names = "--held-out", defaultValue = "600", paramLabel = "N", description = "Default ${DEFAULT-VALUE}.")
    int heldOut;

    @Option(names = "--n", defaultValue = "64", paramLabel = "N", description = "Samples to draw (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--no-quality", description = "Leave out the quality per slice (KID and FID of the samples read as "
            + "each value against real images of it).")
    boolean noQuality;

    @Option(names = "--sampler", defaultValue = "ddpm", description = "Diffusion models: ddpm or ddim (default ${DEFAULT-VALUE}).")
    String sampler;

    @Option(names = "--steps", defaultValue = "25", description = "Reverse steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--guidance", defaultValue = "3.0", description = "Guidance when steered (default ${DEFAULT-VALUE}).")
    double guidance;

    @Option(names = "--steer", split = ",", paramLabel = "VALUE=SHARE",
            description = "Ask each sample for a value drawn at these shares, e.g. light=0.8,medium=0.1,dark=0.1.")
    Map<String, Double> steer;

    @Option(names = "--bootstrap", defaultValue = "2000", description = "Bootstrap resamples (default ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of every draw (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "reports/audit-generator", description = "Report folder (default ${DEFAULT-VALUE}).")
    String out;

    @Override
    public Integer call() {
        AuditConfig cfg;
        try {
            cfg = new AuditConfig(seed, out, attribute, trainingSet, new AuditConfig.Classifier(labelled, train, heldOut),
                    java.util.List.of(new AuditConfig.Generator(model, model, trainingSet, steer, "", null)),
                    new AuditConfig.Sampling(n, sampler, steps, guidance), bootstrap, 8,
                    noQuality ? null : AuditConfig.Quality.defaults());
        } catch (IllegalArgumentException e) {
            // the config records' range checks, worded with config keys; the flags carry the same names
            throw new org.atelier.core.errors.InvalidInputException(e.getMessage());
        }
        AuditRun.Written w = AuditRun.write(cfg, s -> System.err.println("audit: " + s));
        w.findings().forEach(f -> System.out.println("- " + f));
        System.out.println("report written to " + w.page());
        return 0;
    }
}
