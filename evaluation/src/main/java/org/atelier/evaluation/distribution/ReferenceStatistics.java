package org.atelier.evaluation.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.datasets.fashion.FashionMnist;
import org.atelier.models.features.FeatureExtractor;
import org.atelier.models.features.FmnistV1;

/**
 * Committed reference statistics. {@code fashion-mnist:test} (the dataset's name everywhere; the
 * previous release's {@code fmnist-test} is mapped to it, with a warning, by the command line
 * alone: {@code cli/OldSpellings}): the 10 000 images of the Fashion-MNIST test split
 * through {@code fmnist-v1} (mean, float64 covariance, N), written by
 * {@link ReferenceStatisticsWriter}. The file records the SHA-256 of the extractor weights it
 * was computed with; a mismatch with the shipped weights is refused rather than compared.
 */
public final class ReferenceStatistics {
    /** The test split's dataset name; with fmnist-v1 its statistics are committed. */
    public static final String FASHION_MNIST_TEST = "fashion-mnist:test";
    public static final String FMNIST_TEST_RESOURCE = "fmnist-test.fmnist-v1.stats";
    /** Where Debian's dataset-fashion-mnist package puts the test images (for KID/PRDC). */
    public static final String FMNIST_TEST_IMAGES_FILE = FashionMnist.DEBIAN_FOLDER + "/t10k-images-idx3-ubyte.gz";
    public static final Path FMNIST_TEST_IMAGES = Path.of(FMNIST_TEST_IMAGES_FILE);

    private ReferenceStatistics() {
    }

    public static boolean isReferenceName(String name) {
        return FASHION_MNIST_TEST.equals(name);
    }

    /** The named reference as a comparison side, for the given extractor id. */
    public static DistributionInput.Reference load(String name, String extractorId, Supplier<FeatureExtractor> extractor) {
        if (!isReferenceName(name)) {
            throw new InvalidInputException("unknown reference statistics '" + name + "'; known: " + FASHION_MNIST_TEST);
        }
        if (!FmnistV1.ID.equals(extractorId)) {
            throw new InvalidInputException("reference statistics of '" + FASHION_MNIST_TEST + "' exist for extractor "
                    + FmnistV1.ID + " only, not '" + extractorId + "'");
        }
        GaussianStatistics stats = fmnistTest();
        // KID and PRDC need the features themselves: the same 10 000 images, from Debian's file where it
        // is installed (a file can be sharded by --spark), else from the copy embedded in the repo
        Supplier<FeatureSource> features = () -> Files.isRegularFile(FMNIST_TEST_IMAGES)
                ? ImageFeatureSource.idx(FMNIST_TEST_IMAGES, extractor.get())
                : ImageFeatureSource.dataset(FashionMnist.embeddedTest(), extractor.get());
        return new DistributionInput.Reference(FASHION_MNIST_TEST, stats, features);
    }

    /** The committed fmnist-test statistics, checked against the shipped fmnist-v1 weights. */
    public static GaussianStatistics fmnistTest() {
        Path source = Path.of("classpath:org/atelier/evaluation/distribution/" + FMNIST_TEST_RESOURCE);
        byte[] bytes;
        try (InputStream in = ReferenceStatistics.class.getResourceAsStream(FMNIST_TEST_RESOURCE)) {
            if (in == null) {
                throw new InvalidInputException(source + ": the committed reference statistics are missing");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GaussianStatistics.Stored stored = GaussianStatistics.decode(bytes, source);
        if (!stored.extractorSha256().equals(FmnistV1.WEIGHTS_SHA256)) {
            throw new CorruptFileException(source, "computed with fmnist-v1 weights " + stored.extractorSha256()
                    + " but the shipped weights are " + FmnistV1.WEIGHTS_SHA256
                    + "; recompute them with benchmarks/reference-stats.sh");
        }
        return stored.statistics();
    }
}
