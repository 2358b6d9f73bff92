package org.atelier.evaluation.distribution;

import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.models.features.FeatureExtractor;
import org.atelier.models.features.FeatureExtractors;
import org.atelier.models.features.FmnistV1;

/**
 * A generated set scored against a reference set, each named as a user names it: an image
 * folder, an IDX file, a {@code .csv} of feature vectors, or the name of committed reference
 * statistics ({@code fashion-mnist:test}). The extractor is loaded once, and only when images need it
 * (two CSV files, or FID against committed statistics of CSV features, never load a network):
 * {@code DistributionComparison.run("samples/", "fashion-mnist:test", "fmnist-v1", options)}.
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
        return run(generated, reference, extractorId, options, ChunkedStatistics.DEFAULT_CHUNK_ROWS);
    }

    /** With {@code chunkRows} rows per summation chunk (see {@link ChunkedStatistics}). */
    public static DistributionResult run(String generated, String reference, String extractorId,
                                         DistributionOptions options, int chunkRows) {
        Supplier<FeatureExtractor> loader = loader(extractorId);
        return run(DistributionInputs.resolve(generated, "generated", extractorId, loader), reference, extractorId,
                loader, options, chunkRows);
    }

    /**
     * Samples just drawn (from a model the user named) against a named reference.
     *
     * @param from what drew them, for the report ("ddpm-cond-fashion, ddim 50 steps, seed 0")
     */
    public static DistributionResult run(List<Image> generated, String from, String reference, String extractorId,
                                         DistributionOptions options) {
        Supplier<FeatureExtractor> loader = loader(extractorId);
        return run(new DistributionInput.Features(ImageFeatureSource.images(generated, from, loader.get())), reference,
                extractorId, loader, options, ChunkedStatistics.DEFAULT_CHUNK_ROWS);
    }

    private static DistributionResult run(DistributionInput inA, String reference, String extractorId,
                                          Supplier<FeatureExtractor> loader, DistributionOptions options, int chunkRows) {
        DistributionInput inB = DistributionInputs.resolve(reference, "reference", extractorId, loader);
        return DistributionEvaluation.run(inA, inB, options, extractorInfo(inA, inB, extractorId, options, loader),
                chunkRows);
    }

    /**
     * The same comparison on a cluster: {@code master} is a Spark master URL ({@code local[*]},
     * {@code spark://host:7077}); null runs here. The engine comes from the spark module.
     */
    public static DistributionResult run(String generated, String reference, String extractorId,
                                         DistributionOptions options, String master) {
        if (master == null) {
            return run(generated, reference, extractorId, options);
        }
        DistributionEngine engine = ServiceLoader.load(DistributionEngine.class).findFirst()
                .orElseThrow(() -> new InvalidInputException("--spark " + master + ": the spark module is not on the "
                        + "class path; start through ./atelier (which adds it when --spark is given) or spark-submit "
                        + "(docs/spark.md)"));
        return engine.run(master, generated, reference, extractorId, options);
    }

    /** Loads the extractor on first use, once. */
    public static Supplier<FeatureExtractor> loader(String extractorId) {
        return memoize(() -> FeatureExtractors.load(extractorId));
    }

    /** The extractor the result names: loaded when a side runs images through it, else only its pinned hash. */
    public static DistributionEvaluation.ExtractorInfo extractorInfo(DistributionInput inA, DistributionInput inB,
                                                                     String extractorId, DistributionOptions options,
                                                                     Supplier<FeatureExtractor> loader) {
        boolean vectorsNeeded = options.kid() || options.prdc();
        return needsNetwork(inA, vectorsNeeded) || needsNetwork(inB, vectorsNeeded)
                ? describe(loader.get())
                : new DistributionEvaluation.ExtractorInfo(extractorId, pinnedSha(extractorId),
                        "statistics precomputed by " + extractorId);
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
