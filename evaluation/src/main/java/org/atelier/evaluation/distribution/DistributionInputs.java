package org.atelier.evaluation.distribution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import org.atelier.core.errors.InvalidSettingException;
import org.atelier.datasets.DatasetCatalog;
import org.atelier.models.features.FeatureExtractor;
import org.atelier.models.features.FmnistV1;

/**
 * Turns a PATH argument into a comparison side: a dataset name as {@link DatasetCatalog} takes it
 * (for {@code fashion-mnist:test} under {@code fmnist-v1}, the committed statistics), a {@code .csv}
 * feature file, a folder of images, or an IDX image file (plain or gzip'd).
 */
public final class DistributionInputs {
    private DistributionInputs() {
    }

    /**
     * @param role      which side this is ({@code generated} or {@code reference}), for messages
     * @param extractor loads the extractor on first use (CSV-only runs never load a network)
     */
    public static DistributionInput resolve(String path, String role, String extractorId,
                                            Supplier<FeatureExtractor> extractor) {
        if (ReferenceStatistics.isReferenceName(path) && FmnistV1.ID.equals(extractorId)) {
            return ReferenceStatistics.load(path, extractorId, extractor);
        }
        if (DatasetCatalog.isName(path)) {
            FeatureExtractor e = extractor.get();
            return new DistributionInput.Features(ImageFeatureSource.dataset(DatasetCatalog.open(path, e.input().height()), e));
        }
        Path p = Path.of(path);
        if (Files.isDirectory(p)) {
            return new DistributionInput.Features(ImageFeatureSource.folder(p, extractor.get()));
        }
        if (!Files.exists(p)) {
            throw new InvalidSettingException(role, path + ": no such file or folder (expected an image folder, "
                    + "an IDX file, a .csv feature file, or a dataset name such as " + ReferenceStatistics.FASHION_MNIST_TEST
                    + "; atelier datasets list)");
        }
        if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return new DistributionInput.Features(new CsvFeatureSource(p));
        }
        return new DistributionInput.Features(ImageFeatureSource.idx(p, extractor.get()));
    }
}
