package org.atelier.evaluation.distribution;

/**
 * Runs a distribution comparison on a cluster instead of in this JVM. The implementation lives
 * in the spark module, which this module does not depend on; {@link DistributionComparison}
 * finds it through {@link java.util.ServiceLoader} when the caller asks for a cluster, so the
 * default class path never carries Spark.
 */
public interface DistributionEngine {
    /**
     * @param master      where to run, e.g. {@code local[2]} or {@code spark://host:7077}
     * @param generated   set A, as {@link DistributionComparison#run} takes it
     * @param reference   set B
     * @param extractorId a feature extractor id
     */
    DistributionResult run(String master, String generated, String reference, String extractorId,
                           DistributionOptions options);
}
