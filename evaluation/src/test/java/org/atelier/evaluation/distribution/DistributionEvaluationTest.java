package org.atelier.evaluation.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionEvaluationTest {
    private static final DistributionEvaluation.ExtractorInfo EXTRACTOR =
            new DistributionEvaluation.ExtractorInfo("fmnist-v1", "sha", "1x28x28 grey in [-1, 1]");

    private static DistributionInput csv(String name) {
        return new DistributionInput.Features(new CsvFeatureSource(TestData.resource(name)));
    }

    @Test
    void reportsEveryKeyTheIssueNamesWithNAndExtractor() {
        DistributionOptions options = new DistributionOptions(true, true, true, 5, 100, true, 3, 0, 42);
        DistributionResult r = DistributionEvaluation.run(csv("features_a.csv"), csv("features_b.csv"), options, EXTRACTOR);
        Map<String, Object> json = r.toJson();
        for (String key : List.of("fid", "fid_inf", "kid_mean", "kid_std", "precision", "recall", "density",
                "coverage", "n_a", "n_b", "extractor")) {
            assertTrue(json.containsKey(key), key);
            assertNotNull(json.get(key), key);
        }
        assertEquals(300L, json.get("n_a"));
        assertEquals(DistributionEvaluation.USER_FEATURES, json.get("extractor"));
        assertEquals(TestData.expected().get("fid_scipy_sqrtm").asDouble(), r.fid(), 1e-6);
        assertEquals(10, r.fidInfPoints().size());
    }

    @Test
    void onlyAskedMetricsAreComputedAndTheSameKeysAlwaysAppear() {
        DistributionOptions options = new DistributionOptions(false, false, false, 5, 100, true, 3, 0, 42);
        DistributionResult r = DistributionEvaluation.run(csv("features_a.csv"), csv("features_b.csv"), options, EXTRACTOR);
        assertNull(r.fid());
        assertNull(r.kid());
        assertNotNull(r.prdc());
        assertTrue(r.toJson().containsKey("fid"));
    }

    @Test
    void refusesASetOfOneSample(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one.csv");
        Files.writeString(one, "1,2,3,4,5,6,7,8,9,10,11,12\n");
        DistributionOptions options = new DistributionOptions(true, true, false, 5, 100, false, 3, 0, 42);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DistributionEvaluation.run(
                new DistributionInput.Features(new CsvFeatureSource(one)), csv("features_b.csv"), options, EXTRACTOR));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
    }

    @Test
    void csvErrorsNameTheLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "1,2,3\n4,x,6\n");
        CorruptFileException e = assertThrows(CorruptFileException.class,
                () -> new CsvFeatureSource(bad).stream(b -> { }));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "1,2,3\n4,5\n");
        assertThrows(CorruptFileException.class, () -> new CsvFeatureSource(ragged).stream(b -> { }));
    }

    @Test
    void sameSeedGivesTheSameNumbers() {
        DistributionOptions options = new DistributionOptions(true, true, true, 4, 50, false, 3, 0, 7);
        DistributionResult r1 = DistributionEvaluation.run(csv("features_a.csv"), csv("features_b.csv"), options, EXTRACTOR);
        DistributionResult r2 = DistributionEvaluation.run(csv("features_a.csv"), csv("features_b.csv"), options, EXTRACTOR);
        assertEquals(r1.fidInf(), r2.fidInf());
        assertEquals(r1.kid().mean(), r2.kid().mean());
    }
}
