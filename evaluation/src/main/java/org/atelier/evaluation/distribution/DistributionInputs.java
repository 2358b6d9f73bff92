package org.atelier.evaluation.distribution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.models.features.FeatureExtractor;

/**
 * Turns a PATH argument into a comparison side: the name of committed reference statistics
 * ({@code fmnist-test}), a {@code .csv} feature file, a folder of images, or an IDX image file
 * (plain or gzip'd).
 */
public final class DistributionInputs {
    private DistributionInputs() {
    }

    /**
     * @param extractor loads the extractor on first use (CSV-only runs never load a network)
     */
    public static DistributionInput resolve(String path, String option, String extractorId,
                                            Supplier<FeatureExtractor> extractor) {
        if (ReferenceStatistics.isReferenceName(path)) {
            return ReferenceStatistics.load(path, extractorId, extractor);
        }
        Path p = Path.of(path);
        if (Files.isDirectory(p)) {
            return new DistributionInput.Features(ImageFeatureSource.folder(p, extractor.get()));
        }
        if (!Files.exists(p)) {
            throw new InvalidInputException(option + " " + path + ": no such file or folder (expected an image folder, "
                    + "an IDX file, a .csv feature file, or " + ReferenceStatistics.FMNIST_TEST + ")");
        }
        if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return new DistributionInput.Features(new CsvFeatureSource(p));
        }
        return new DistributionInput.Features(ImageFeatureSource.idx(p, extractor.get()));
    }
}
