package org.atelier.cli.metrics;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.atelier.core.io.Json;
import org.atelier.evaluation.distribution.DistributionEvaluation;
import org.atelier.evaluation.distribution.DistributionInput;
import org.atelier.evaluation.distribution.DistributionInputs;
import org.atelier.evaluation.distribution.DistributionOptions;
import org.atelier.evaluation.distribution.DistributionResult;
import org.atelier.evaluation.distribution.KernelInceptionDistance;
import org.atelier.evaluation.distribution.PrecisionRecallDensityCoverage;
import org.atelier.models.features.FeatureExtractor;
import org.atelier.models.features.FeatureExtractors;
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
        DistributionOptions options = new DistributionOptions(fid || !anyMetric, !noFidInf, kid, kidSubsets, kidSubsetSize, prdc, k, seed);
        Supplier<FeatureExtractor> loader = memoize(() -> FeatureExtractors.load(extractor));
        DistributionInput inA = DistributionInputs.resolve(a, "--a", extractor, loader);
        DistributionInput inB = DistributionInputs.resolve(b, "--b", extractor, loader);
        boolean vectorsNeeded = kid || prdc;
        DistributionEvaluation.ExtractorInfo info = needsNetwork(inA, vectorsNeeded) || needsNetwork(inB, vectorsNeeded)
                ? describe(loader.get())
                : new DistributionEvaluation.ExtractorInfo(extractor, sha(extractor), "statistics precomputed by " + extractor);
        DistributionResult result = DistributionEvaluation.run(inA, inB, options, info);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(result.toJson()));
        } else {
            out.print(table(result));
        }
        out.flush();
        return 0;
    }

    /** Whether this side runs images through the extractor (committed statistics do so only for KID/PRDC). */
    private static boolean needsNetwork(DistributionInput in, boolean vectorsNeeded) {
        if (in instanceof DistributionInput.Reference) {
            return vectorsNeeded;
        }
        return !((DistributionInput.Features) in).source().userFeatures();
    }

    private static String sha(String extractorId) {
        return org.atelier.models.features.FmnistV1.ID.equals(extractorId)
                ? org.atelier.models.features.FmnistV1.WEIGHTS_SHA256 : "";
    }

    private static DistributionEvaluation.ExtractorInfo describe(FeatureExtractor e) {
        return new DistributionEvaluation.ExtractorInfo(e.id(), e.weightsSha256(),
                e.input().describe() + ", fed at native size (not resized); RGB converted to luma where the input is grey");
    }

    static String table(DistributionResult r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "A: %s (N=%d)%nB: %s (N=%d)%n", r.a(), r.nA(), r.b(), r.nB()));
        s.append(String.format(Locale.ROOT, "extractor: %s%s%n", r.extractor(),
                r.extractorSha256().isEmpty() ? "" : " (weights sha256 " + r.extractorSha256().substring(0, Math.min(12, r.extractorSha256().length())) + "…)"));
        s.append("input: ").append(r.extractorInput()).append(System.lineSeparator());
        s.append(String.format(Locale.ROOT, "%-10s %s%n", "metric", "value"));
        if (r.fid() != null) {
            s.append(String.format(Locale.ROOT, "%-10s %.4f%n", "fid", r.fid()));
            s.append(String.format(Locale.ROOT, "%-10s %s%n", "fid_inf",
                    r.fidInf() == null ? "n/a" : String.format(Locale.ROOT, "%.4f (fitted on %d subset sizes)",
                            r.fidInf(), r.fidInfPoints().size())));
        }
        if (r.kid() != null) {
            s.append(String.format(Locale.ROOT, "%-10s %.6f ± %.6f (%d subsets of %d)%n", "kid", r.kid().mean(),
                    r.kid().std(), r.kid().subsets(), r.kid().subsetSize()));
        }
        if (r.prdc() != null) {
            s.append(String.format(Locale.ROOT, "%-10s %.4f%n%-10s %.4f%n%-10s %.4f%n%-10s %.4f%n(k = %d)%n",
                    "precision", r.prdc().precision(), "recall", r.prdc().recall(), "density", r.prdc().density(),
                    "coverage", r.prdc().coverage(), r.prdc().k()));
        }
        s.append("seed: ").append(r.seed()).append(System.lineSeparator());
        for (String w : r.warnings()) {
            s.append("warning: ").append(w).append(System.lineSeparator());
        }
        return s.toString();
    }

    private static <T> Supplier<T> memoize(Supplier<T> inner) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = inner.get();
                }
                return value;
            }
        };
    }
}
