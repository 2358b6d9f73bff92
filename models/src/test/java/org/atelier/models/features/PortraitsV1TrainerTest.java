package org.atelier.models.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.io.Hashing;
import org.atelier.core.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer through its Java API: one optimiser step on one batch, written where asked. */
class PortraitsV1TrainerTest {
    @Test
    void oneStepWritesWeightsTheirCardAndTheResultThatDescribesThem(@TempDir Path dir) throws Exception {
        PortraitsV1Trainer.Result r = PortraitsV1Trainer.train(new PortraitsV1TrainingOptions(dir, PortraitsV1Trainer.BATCH,
                8, 1, 5, 1));
        assertEquals(dir.resolve(PortraitsV1.WEIGHTS_RESOURCE), r.weights());
        assertEquals(Hashing.sha256(r.weights()), r.sha256());
        assertEquals(1, r.steps());
        var card = Json.mapper().readTree(r.card().toFile());
        assertEquals(r.sha256(), card.get("sha256").asText());
        assertEquals(1, card.get("steps").asInt());
        assertEquals(PortraitsCnn.HEADS.stream().map(PortraitsCnn.Head::attribute).toList(),
                r.accuracy().keySet().stream().toList(), "one accuracy per head, in the heads' order");
        r.accuracy().values().forEach(a -> assertTrue(a >= 0 && a <= 1, r.accuracy().toString()));
        // the weights load back as a working extractor under the hash the result gives
        assertEquals(PortraitsCnn.FEATURE_DIM, PortraitsV1.load(r.weights(), r.sha256()).dimension());
    }

    @Test
    void optionsOutOfRangeAreRefused(@TempDir Path dir) {
        PortraitsV1TrainingOptions d = PortraitsV1TrainingOptions.defaults();
        assertEquals(PortraitsV1TrainingOptions.DEFAULT_SEED, d.seed());
        assertThrows(InvalidInputException.class, () -> new PortraitsV1TrainingOptions(dir, 30000, 2000, 6,
                PortraitsV1Trainer.DEMO_SEED, PortraitsV1TrainingOptions.NO_STEP_LIMIT));
        assertThrows(InvalidInputException.class, () -> new PortraitsV1TrainingOptions(null, 30000, 2000, 6, 1, 1));
        assertThrows(InvalidInputException.class, () -> new PortraitsV1TrainingOptions(dir, 30000, 2000, 6, 1, 0));
    }
}
