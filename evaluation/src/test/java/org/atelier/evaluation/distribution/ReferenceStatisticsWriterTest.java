package org.atelier.evaluation.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.datasets.idx.IdxArray;
import org.atelier.datasets.idx.IdxWriter;
import org.atelier.models.features.FmnistV1;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer through its Java API, on a small IDX file instead of the 10 000 test images. */
class ReferenceStatisticsWriterTest {
    @Test
    void writesTheStatisticsOfTheImagesWithTheWeightsHash(@TempDir Path dir) throws Exception {
        int n = 40;
        Path idx = dir.resolve("noise.idx");
        byte[] pixels = new byte[n * 28 * 28];
        new SplittableRandom(11).nextBytes(pixels);
        IdxWriter.write(new IdxArray(new int[] {n, 28, 28}, pixels), idx, false);
        ReferenceStatisticsWriter.Result r = ReferenceStatisticsWriter.compute(idx, dir.resolve("out"));
        assertEquals(dir.resolve("out").resolve(ReferenceStatistics.FMNIST_TEST_RESOURCE), r.file());
        assertEquals(FmnistV1.WEIGHTS_SHA256, r.extractorSha256());

        GaussianStatistics.Stored stored = GaussianStatistics.decode(Files.readAllBytes(r.file()), r.file());
        assertEquals(FmnistV1.WEIGHTS_SHA256, stored.extractorSha256());
        assertEquals(n, stored.statistics().n());
        FeatureStatistics direct = new FeatureStatistics(FmnistV1.load().dimension());
        ImageFeatureSource.idx(idx, FmnistV1.load()).stream(direct::addAll);
        GaussianStatistics expected = direct.toGaussian(FmnistV1.ID);
        assertArrayEquals(expected.mean(), stored.statistics().mean(), 0);
        assertArrayEquals(expected.covariance(), stored.statistics().covariance(), 0);
        double trace = 0;
        for (int i = 0; i < expected.dimension(); i++) {
            trace += expected.cov(i, i);
        }
        assertEquals(trace, r.covarianceTrace(), 0);
    }

    @Test
    void aMissingImagesFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("none.idx");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ReferenceStatisticsWriter.compute(missing, dir));
        assertEquals(missing + ": no such IDX file", e.getMessage());
    }
}
