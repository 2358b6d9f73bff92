package org.atelier.evaluation.distribution;

import java.nio.file.Path;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.models.features.FmnistV1;

/**
 * Writes the committed {@code fmnist-test} reference statistics: the Fashion-MNIST test images
 * through the shipped {@code fmnist-v1} weights, mean and float64 covariance with N. Run it
 * after retraining {@code fmnist-v1}: {@code atelier extractor reference-stats} (or
 * {@code benchmarks/reference-stats.sh}).
 */
public final class ReferenceStatisticsWriter {
    /** Where {@link ReferenceStatistics} loads the committed file from, in the source tree. */
    public static final String DEFAULT_OUT = "evaluation/src/main/resources/org/atelier/evaluation/distribution";

    private ReferenceStatisticsWriter() {
    }

    /**
     * What was written.
     *
     * @param file            the statistics file
     * @param statistics      its content
     * @param extractorSha256 SHA-256 of the weights the features came from (recorded in the file)
     */
    public record Result(Path file, GaussianStatistics statistics, String extractorSha256) {
        /** Trace of the covariance: one number to compare two computations by. */
        public double covarianceTrace() {
            double trace = 0;
            for (int i = 0; i < statistics.dimension(); i++) {
                trace += statistics.cov(i, i);
            }
            return trace;
        }
    }

    /**
     * Streams every image of {@code images} through {@code fmnist-v1} and writes the statistics
     * atomically as {@code outDir/}{@value ReferenceStatistics#FMNIST_TEST_RESOURCE}.
     *
     * @param images IDX file of 28×28 images, gzip'd or not
     * @throws InvalidInputException when {@code images} is missing
     */
    public static Result compute(Path images, Path outDir) {
        if (images == null || outDir == null) {
            throw new InvalidInputException("reference statistics need an images file and an output folder");
        }
        FmnistV1 extractor = FmnistV1.load();
        ImageFeatureSource source = ImageFeatureSource.idx(images, extractor);
        FeatureStatistics stats = new FeatureStatistics(extractor.dimension());
        source.stream(stats::addAll);
        GaussianStatistics g = stats.toGaussian(extractor.id());
        Path file = outDir.resolve(ReferenceStatistics.FMNIST_TEST_RESOURCE);
        g.write(file, extractor.weightsSha256());
        return new Result(file, g, extractor.weightsSha256());
    }
}
