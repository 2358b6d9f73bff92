package org.atelier.evaluation.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atelier.core.image.Image;
import org.atelier.datasets.DatasetCatalog;
import org.atelier.datasets.ImageDataset;
import org.atelier.models.features.PortraitsV1;
import org.junit.jupiter.api.Test;

/**
 * A synthetic "generator" that draws rendered portraits at known shares stands in for a model
 * trained on 80 / 10 / 10: it keeps dark skin at 4 % (a planted amplification of 0.4), medium at
 * 10 % (1.0) and raises light to 86 % (1.075). The audit, with a Tribuo classifier trained on other
 * rendered portraits, must recover each planted factor within its interval, raw and corrected.
 */
class GeneratorAuditTest {
    @Test
    void plantedAmplificationIsRecoveredRawAndCorrected() {
        ImageDataset labelled = DatasetCatalog.open("portraits-32?n=900&seed=21", 32);
        ImageDataset generator = DatasetCatalog.open("portraits-32?skin_group=light:0.86,medium:0.1,dark:0.04&n=1200&seed=22", 32);
        List<Image> generated = new ArrayList<>();
        for (int i = 0; i < generator.size(); i++) {
            generated.add(generator.get(i).image());
        }
        Map<String, Double> training = Map.of("dark", 0.1, "light", 0.8, "medium", 0.1);
        AuditClassifier c = AuditClassifier.train("skin_group", labelled, 600, 300, PortraitsV1.load(), 5);
        assertTrue(c.accuracy() > 0.9, "Tribuo's held-out accuracy " + c.accuracy());
        GeneratorAudit a = GeneratorAudit.of(c, training, generated, SliceOptions.defaults(5).withBootstrap(1000));
        Map<String, Double> planted = Map.of("dark", 0.4, "light", 1.075, "medium", 1.0);
        planted.forEach((value, factor) -> {
            Amplification amp = a.representation().amplification().get(value);
            assertTrue(amp.rawFactor().covers(factor), value + " raw " + amp.rawFactor() + " vs planted " + factor);
            assertTrue(amp.correctedFactor().covers(factor), value + " corrected " + amp.correctedFactor() + " vs planted " + factor);
        });
        assertTrue(a.representation().amplification().get("dark").rawFactor().high() < 0.8,
                "the interval excludes reproduction: " + a.representation().amplification().get("dark").rawFactor());
        int heldOut = c.confusion().values().stream().mapToInt(r -> r.values().stream().mapToInt(Integer::intValue).sum()).sum();
        assertEquals(300, heldOut);
        assertEquals(List.of("dark", "light", "medium"), List.copyOf(c.confusion().keySet()));
        assertEquals(List.of("dark", "light", "medium"), List.copyOf(a.representation().amplification().keySet()));
        assertTrue(c.classifier().provenance().contains("LinearSGDTrainer"), c.classifier().provenance());
        assertEquals(1200, a.readings().size());
        assertEquals(3, a.representation().accuracy().slices().size());
    }
}
