package org.atelier.evaluation.distribution;

import java.util.function.Supplier;
import org.atelier.models.features.FeatureExtractor;
import org.atelier.models.features.FeatureExtractors;
import org.atelier.models.features.FmnistV1;

/**
 * A generated set scored against a reference set, each named as a user names it: an image
 * folder, an IDX file, a {@code .csv} of feature vectors, or the name of committed reference
 * statistics ({@code fmnist-test}). The extractor is loaded once, and only when images need it
 * (two CSV files, or FID against committed statistics of CSV features, never load a network):
 * {@code DistributionComparison.run("samples/", "fmnist-test", "fmnist-v1", options)}.
 */
public final class DistributionComparison {
    private DistributionComparison() {
    }

    /**
     * @param generated   set A, the generated samples
     * @param reference   set B, the reference samples
     * @param extractorId a {@link FeatureExtractors} id, e.g. {@code fmnist-v1}
     */
    public static DistributionResult run(String generated, String reference, String extractorId,
                                         DistributionOptions options) {
        Supplier<FeatureExtractor> loader = memoize(() -> FeatureExtractors.load(extractorId));
        DistributionInput inA = DistributionInputs.resolve(generated, "--a", extractorId, loader);
        DistributionInput inB = DistributionInputs.resolve(reference, "--b", extractorId, loader);
        boolean vectorsNeeded = options.kid() || options.prdc();
        DistributionEvaluation.ExtractorInfo info = needsNetwork(inA, vectorsNeeded) || needsNetwork(inB, vectorsNeeded)
                ? describe(loader.get())
                : new DistributionEvaluation.ExtractorInfo(extractorId, pinnedSha(extractorId),
                        "statistics precomputed by " + extractorId);
        return DistributionEvaluation.run(inA, inB, options, info);
    }

    /** Whether this side runs images through the extractor (committed statistics do so only for KID/PRDC). */
    private static boolean needsNetwork(DistributionInput in, boolean vectorsNeeded) {
        if (in instanceof DistributionInput.Reference) {
            return vectorsNeeded;
        }
        return !((DistributionInput.Features) in).source().userFeatures();
    }

    /** The pinned weights hash of an extractor whose statistics are committed, without loading it. */
    private static String pinnedSha(String extractorId) {
        return FmnistV1.ID.equals(extractorId) ? FmnistV1.WEIGHTS_SHA256 : "";
    }

    private static DistributionEvaluation.ExtractorInfo describe(FeatureExtractor e) {
        return new DistributionEvaluation.ExtractorInfo(e.id(), e.weightsSha256(),
                e.input().describe() + ", fed at native size (not resized); RGB converted to luma where the input is grey");
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
