package org.atelier.evaluation.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.atelier.datasets.DatasetCatalog;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Slices;
import org.junit.jupiter.api.Test;

/** sample --read-back against the training shares: read shares, training shares, amplification and intervals. */
class ReadbackAgainstTrainingTest {
    @Test
    void readSharesAreSetAgainstTheTrainingShares() {
        ImageDataset training = DatasetCatalog.open("portraits-32?skin_group=light:0.8,medium:0.1,dark:0.1&n=1000&seed=7", 32);
        double darkTraining = Slices.counts(training, "skin_group").get("dark") / 1000.0;
        // 200 samples, 2 read as dark: a GAN that shrinks the dark slice; age was asked, so it is left out
        AttributeReadback.Result read = new AttributeReadback.Result(List.of(
                new AttributeReadback.Attribute("skin_group", null, Map.of("light", 178, "medium", 20, "dark", 2), 200),
                new AttributeReadback.Attribute("age", "old", Map.of("old", 190, "young", 10), 200),
                new AttributeReadback.Attribute("not_in_training", null, Map.of("x", 200), 200)), 0, 200);
        ReadbackAgainstTraining r = ReadbackAgainstTraining.of(read, training);
        assertEquals(List.of("skin_group"), List.copyOf(r.attributes().keySet()));
        ShareComparison.Row dark = r.attributes().get("skin_group").rows().get("dark");
        assertEquals(2, dark.count());
        assertEquals(darkTraining, dark.reference(), 1e-12);
        assertEquals((2 / 200.0) / darkTraining, dark.ratio(), 1e-12);
        ConfidenceInterval wilson = ShareTable.wilson(200, 2);
        assertEquals(wilson.getLowerBound(), dark.ciLow(), 1e-12);

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> values = (Map<String, Map<String, Object>>)
                ((Map<String, Map<String, Object>>) r.toJson().get("attributes")).get("skin_group").get("values");
        assertEquals(List.of("dark", "light", "medium"), List.copyOf(values.keySet()));
        @SuppressWarnings("unchecked")
        List<Double> ampCi = (List<Double>) values.get("dark").get("amplification_ci95");
        assertEquals(wilson.getUpperBound() / darkTraining, ampCi.get(1), 1e-12);
        assertTrue(ampCi.get(1) < 1, "with 2 of 200 the dark slice is clearly shrunk: " + ampCi);
        assertTrue(r.lines().stream().anyMatch(l -> l.contains("dark") && l.contains("amplification 0.")), r.lines().toString());
    }

    @Test
    void aValueReadButAbsentFromTrainingHasNoFactor() {
        ImageDataset training = DatasetCatalog.open("portraits-32?skin_group=light:1&n=200&seed=7", 32);
        AttributeReadback.Result read = new AttributeReadback.Result(List.of(
                new AttributeReadback.Attribute("skin_group", null, Map.of("light", 9, "dark", 1), 10)), 0, 10);
        ReadbackAgainstTraining r = ReadbackAgainstTraining.of(read, training);
        ShareComparison c = r.attributes().get("skin_group");
        assertEquals(0.0, c.rows().get("dark").reference());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> values = (Map<String, Map<String, Object>>)
                ((Map<String, Map<String, Object>>) r.toJson().get("attributes")).get("skin_group").get("values");
        assertNull(values.get("dark").get("amplification"));
        assertTrue(r.lines().stream().anyMatch(l -> l.contains("absent from the training set")));
    }
}
