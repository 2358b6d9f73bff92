package org.atelier.evaluation.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two sets named as a user names them, through the Java API. */
class DistributionComparisonTest {
    private static Path csv(Path file, int n, double shift, long seed) throws Exception {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(rng.nextGaussian() + shift).append(',').append(rng.nextGaussian()).append(',')
                    .append(rng.nextGaussian()).append('\n');
        }
        Files.writeString(file, s);
        return file;
    }

    @Test
    void twoFeatureFilesNeedNoNetworkAndPrintAsATable(@TempDir Path tmp) throws Exception {
        Path a = csv(tmp.resolve("a.csv"), 200, 1.0, 1);
        Path b = csv(tmp.resolve("b.csv"), 200, 0.0, 2);
        DistributionOptions o = new DistributionOptions(true, false, true, 10, 50, true, 3, 0);
        DistributionResult r = DistributionComparison.run(a.toString(), b.toString(), "fmnist-v1", o);
        assertEquals(DistributionEvaluation.USER_FEATURES, r.extractor(), "two CSVs: no extractor named");
        assertTrue(r.fid() > 0.7 && r.fid() < 1.4, "a mean shifted by 1 in one of 3 dimensions: " + r.fid());
        assertNotNull(r.kid());
        assertNotNull(r.prdc());
        String table = DistributionTables.of(r);
        assertTrue(table.contains("N=200") && table.contains("fid ") && table.contains("precision"), table);
    }
}
