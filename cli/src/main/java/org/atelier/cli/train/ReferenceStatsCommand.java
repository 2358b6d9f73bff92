package org.atelier.cli.train;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.atelier.evaluation.distribution.ReferenceStatistics;
import org.atelier.evaluation.distribution.ReferenceStatisticsWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atelier extractor reference-stats [--images FILE] [--out DIR]}. */
@Command(name = "reference-stats", mixinStandardHelpOptions = true,
        description = "Recompute the committed fmnist-test reference statistics (mean, float64 covariance, N) from "
                + "the Fashion-MNIST test images under the shipped fmnist-v1 weights, and write "
                + ReferenceStatistics.FMNIST_TEST_RESOURCE + " into --out.")
final class ReferenceStatsCommand implements Callable<Integer> {
    @Option(names = "--images", paramLabel = "FILE", defaultValue = ReferenceStatistics.FMNIST_TEST_IMAGES_FILE,
            description = "IDX file of the test images, gzip'd or not (default: ${DEFAULT-VALUE}).")
    Path images;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ReferenceStatisticsWriter.DEFAULT_OUT,
            description = "Folder to write the statistics into (default: ${DEFAULT-VALUE}, where the committed "
                    + "file is).")
    Path out;

    @Override
    public Integer call() {
        ReferenceStatisticsWriter.Result r = ReferenceStatisticsWriter.compute(images, out);
        System.out.printf(Locale.ROOT, "wrote %s: N=%d, d=%d, trace(cov)=%.6f, extractor %s (weights %s)%n", r.file(),
                r.statistics().n(), r.statistics().dimension(), r.covarianceTrace(), r.statistics().extractor(),
                r.extractorSha256());
        return 0;
    }
}
