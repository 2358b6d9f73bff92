package org.atelier.evaluation.distribution;

import java.nio.file.Path;
import java.util.Locale;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.models.features.FmnistV1;

/**
 * Writes the committed {@code fmnist-test} reference statistics: the Fashion-MNIST test images
 * through the shipped {@code fmnist-v1} weights, mean and float64 covariance with N.
 *
 * <pre>benchmarks/reference-stats.sh [--images t10k-images-idx3-ubyte.gz] [--out DIR]</pre>
 */
public final class ReferenceStatisticsTool {
    private ReferenceStatisticsTool() {
    }

    public static void main(String[] args) {
        Path images = ReferenceStatistics.FMNIST_TEST_IMAGES;
        Path out = Path.of("evaluation/src/main/resources/org/atelier/evaluation/distribution");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--images" -> images = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new InvalidInputException("unknown argument '" + args[i] + "'; expected --images FILE, --out DIR");
            }
        }
        FmnistV1 extractor = FmnistV1.load();
        FeatureStatistics stats = new FeatureStatistics(extractor.dimension());
        ImageFeatureSource.idx(images, extractor).stream(stats::addAll);
        GaussianStatistics g = stats.toGaussian(extractor.id());
        Path file = out.resolve(ReferenceStatistics.FMNIST_TEST_RESOURCE);
        g.write(file, extractor.weightsSha256());
        double trace = 0;
        for (int i = 0; i < g.dimension(); i++) {
            trace += g.cov(i, i);
        }
        System.out.printf(Locale.ROOT, "wrote %s: N=%d, d=%d, trace(cov)=%.6f, extractor %s (weights %s)%n", file, g.n(),
                g.dimension(), trace, extractor.id(), extractor.weightsSha256());
    }
}
