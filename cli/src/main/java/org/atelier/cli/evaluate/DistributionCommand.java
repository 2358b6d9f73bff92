package org.atelier.cli.evaluate;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.atelier.core.io.Json;
import org.atelier.evaluation.distribution.DistributionComparison;
import org.atelier.evaluation.distribution.DistributionOptions;
import org.atelier.evaluation.distribution.DistributionResult;
import org.atelier.evaluation.distribution.DistributionTables;
import org.atelier.evaluation.distribution.KernelInceptionDistance;
import org.atelier.evaluation.distribution.PrecisionRecallDensityCoverage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code atelier metrics distribution}: compares a generated set (A) with a reference set (B).
 * User errors surface as the core's typed exceptions, which the top-level command prints.
 */
@Command(name = "distribution", mixinStandardHelpOptions = true,
        description = {"FID (and FID∞), KID and precision/recall/density/coverage between set A (generated) and "
                + "set B (reference).",
                "PATH: an image folder, an IDX file, a .csv feature file (one sample per row, no header) or "
                        + "fmnist-test (committed statistics of the Fashion-MNIST test split).",
                "Without --fid/--kid/--prdc, FID is computed."})
public final class DistributionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--a", required = true, paramLabel = "PATH", description = "Set A, the generated samples.")
    String a;

    @Option(names = "--b", required = true, paramLabel = "PATH", description = "Set B, the reference samples.")
    String b;

    @Option(names = "--extractor", defaultValue = "fmnist-v1", paramLabel = "ID",
            description = "Feature extractor for images: fmnist-v1 (1x28x28 grey; RGB turned into luma) or portraits-v1 "
                    + "(3x32x32 RGB synthetic portraits). Default: ${DEFAULT-VALUE}.")
    String extractor;

    @Option(names = "--fid", description = "Fréchet distance and FID∞.")
    boolean fid;

    @Option(names = "--no-fid-inf", description = "Skip FID∞ (10 extra eigen-decompositions; slow for large feature dimensions).")
    boolean noFidInf;

    @Option(names = "--kid", description = "Kernel inception distance (mean ± std over subsets).")
    boolean kid;

    @Option(names = "--kid-subsets", defaultValue = "" + KernelInceptionDistance.DEFAULT_SUBSETS, paramLabel = "N",
            description = "KID subsets (default: ${DEFAULT-VALUE}).")
    int kidSubsets;

    @Option(names = "--kid-subset-size", defaultValue = "" + KernelInceptionDistance.DEFAULT_SUBSET_SIZE,
            paramLabel = "M", description = "Samples per set per KID subset, capped at the smaller set (default: ${DEFAULT-VALUE}).")
    int kidSubsetSize;

    @Option(names = "--prdc", description = "Precision, recall, density and coverage.")
    boolean prdc;

    @Option(names = "--k", defaultValue = "" + PrecisionRecallDensityCoverage.DEFAULT_K, paramLabel = "K",
            description = "Neighbours for the PRDC radii (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of every random draw (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        boolean anyMetric = fid || kid || prdc;
        DistributionOptions options = new DistributionOptions(fid || !anyMetric, !noFidInf, kid, kidSubsets, kidSubsetSize,
                prdc, k, seed);
        DistributionResult result = DistributionComparison.run(a, b, extractor, options);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.pretty(result.toJson()) + System.lineSeparator() : DistributionTables.of(result));
        out.flush();
        return 0;
    }
}
