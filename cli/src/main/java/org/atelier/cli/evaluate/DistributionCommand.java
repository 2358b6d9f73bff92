package org.atelier.cli.evaluate;

import org.atelier.training.publish.ModelSources;
import org.atelier.models.sampling.Sampling;
import org.atelier.models.sampling.Samples;
import org.atelier.models.sampling.SampleRequest;
import org.atelier.core.errors.InvalidInputException;
import java.nio.file.Path;
import org.atelier.cli.Required;
import org.atelier.cli.OldSpellings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.atelier.core.io.Json;
import org.atelier.evaluation.distribution.DistributionComparison;
import org.atelier.evaluation.distribution.DistributionOptions;
import org.atelier.evaluation.distribution.DistributionResult;
import org.atelier.evaluation.distribution.DistributionTables;
import org.atelier.evaluation.distribution.FidBootstrap;
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
        description = {"FID (and FID∞), KID and precision/recall/density/coverage between generated samples and "
                + "reference samples.",
                "PATH: an image folder, an IDX file, a .csv feature file (one sample per row, no header) or a "
                        + "dataset name (atelier datasets list; fashion-mnist:test uses the committed statistics of "
                        + "the Fashion-MNIST test split where they suffice).",
                "Without --fid/--kid/--prdc, FID is computed."})
public final class DistributionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--generated", paramLabel = "PATH", description = "The generated samples; or a model (a "
            + "published model's name such as ddpm-cond-fashion, a published or run folder) to draw --n samples from.")
    String generated;

    @Option(names = "--n", defaultValue = "1000", paramLabel = "N",
            description = "Samples drawn when --generated names a model, 1..50000 (default ${DEFAULT-VALUE}); the "
                    + "model's default sampler, every class in turn, noise seeded by --seed.")
    int n;

    @Option(names = "--reference", paramLabel = "PATH", description = "The reference samples.")
    String reference;

    @Option(names = "--a", hidden = true, paramLabel = "PATH")
    void oldA(String v) {
        generated = OldSpellings.use("--a", "--generated", v);
    }

    @Option(names = "--b", hidden = true, paramLabel = "PATH")
    void oldB(String v) {
        reference = OldSpellings.use("--b", "--reference", v);
    }

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

    @Option(names = "--fid-resamples", defaultValue = "" + FidBootstrap.DEFAULT_RESAMPLES, paramLabel = "R",
            description = "Bootstrap replicates for FID's 95 %% interval (resampling set A); 0 for none "
                    + "(default: ${DEFAULT-VALUE}).")
    int fidResamples;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of every random draw (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Run on Apache Spark: local[*], local[2], spark://host:7077 (docs/spark.md). Image folders "
                    + "and IDX files are split into shards; the results equal a run without --spark.")
    String spark;

    @Override
    public Integer call() {
        boolean anyMetric = fid || kid || prdc;
        DistributionOptions options = new DistributionOptions(fid || !anyMetric, !noFidInf, kid, kidSubsets, kidSubsetSize,
                prdc, k, fidResamples, seed);
        Required.given("--generated", generated);
        Required.given("--reference", reference);
        String ref = OldSpellings.dataName("--reference", reference);
        DistributionResult result;
        if (ModelSources.isModel(generated)) {
            if (spark != null) {
                throw new InvalidInputException("--spark scores image files; draw the samples first "
                        + "(atelier sample MODEL --out-dir DIR) and pass the folder as --generated");
            }
            if (n < 1 || n > 50_000) {
                throw new InvalidInputException("--n must be in 1..50000, got " + n);
            }
            Samples s = Sampling.draw(ModelSources.load(Path.of(generated)).sampler(), SampleRequest.of(n, seed));
            result = DistributionComparison.run(s.images(), s.caption(generated, seed), ref, extractor, options);
        } else {
            result = DistributionComparison.run(OldSpellings.dataName("--generated", generated), ref, extractor, options,
                    spark);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.pretty(result.toJson()) + System.lineSeparator() : DistributionTables.of(result));
        out.flush();
        return 0;
    }
}
