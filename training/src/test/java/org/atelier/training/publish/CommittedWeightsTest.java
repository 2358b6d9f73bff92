package org.atelier.training.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.atelier.training.Runs;
import org.junit.jupiter.api.Test;

/**
 * Every model committed under {@code weights/} loads: each file matches the SHA-256 its card
 * records, the config matches the card's hash, and the model builds with the weights. A weights
 * file changed without re-exporting, or a card edited by hand, fails here rather than in a demo.
 */
class CommittedWeightsTest {
    @Test
    void everyCommittedModelLoadsAndMatchesItsCard() throws IOException {
        Path weights = Path.of("..", ModelSources.FOLDER); // tests run in the module's folder
        List<Path> models;
        try (Stream<Path> s = Files.list(weights)) {
            models = s.filter(PublishedModel::isPublished).sorted().toList();
        }
        assertFalse(models.isEmpty(), "weights/ holds the published models the demo uses");
        for (Path dir : models) {
            Runs.Loaded loaded = PublishedModel.load(dir);
            ModelCard card = PublishedModel.card(dir);
            assertEquals(dir.getFileName().toString(), card.name(), dir + ": published under its own name");
            assertTrue(card.trainingSteps() > 0 && card.trainingSteps() <= card.configuredSteps(), dir.toString());
            assertEquals(card.configuredSteps(), loaded.config().trainer().steps(), dir + ": the card reads its config");
        }
    }
}
