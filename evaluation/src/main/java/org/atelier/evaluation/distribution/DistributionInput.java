package org.atelier.evaluation.distribution;

import java.util.function.Supplier;

/** One side of a distribution comparison: a stream of features, or precomputed statistics. */
public sealed interface DistributionInput {
    String describe();

    /** Features to be streamed (images through the extractor, or a CSV of vectors). */
    record Features(FeatureSource source) implements DistributionInput {
        @Override
        public String describe() {
            return source.describe();
        }
    }

    /**
     * Committed statistics (e.g. {@code fmnist-test}), enough for FID; KID and PRDC need the
     * vectors themselves, which {@code features} recomputes on demand.
     */
    record Reference(String name, GaussianStatistics statistics, Supplier<FeatureSource> features)
            implements DistributionInput {
        @Override
        public String describe() {
            return "reference statistics '" + name + "' (" + statistics.extractor() + ", N=" + statistics.n() + ")";
        }
    }
}
