package org.atelier.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.training.checkpoint.CheckpointStore;
import org.atelier.training.config.TrainerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 3: a torn last line in metrics.jsonl (a full disk or a kill during an append)
 * used to stop --resume with "not a JSON line". A resume truncates the log to the checkpoint's
 * step anyway, so the torn tail is dropped, with a note in events.jsonl, and the run ends with
 * the same metrics as an uninterrupted one.
 */
class TornMetricsLineTest {
    @Test
    void aTornLastLineIsDroppedOnResumeAndNoted(@TempDir Path tmp) throws Exception {
        TrainerConfig cfg = TrainerTest.config(4, null);
        TrainerTest.run(tmp.resolve("whole"), cfg, TrainerTest.gan(), Optional.empty(), new StopSignal(), List.of());

        Path split = tmp.resolve("split");
        TrainerTest.run(split, TrainerTest.config(2, null), TrainerTest.gan(), Optional.empty(), new StopSignal(),
                List.of());
        Files.writeString(split.resolve("metrics.jsonl"), "{\"step\":3,\"d_loss\":0.69", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        assertEquals(2, MetricsLog.read(split.resolve("metrics.jsonl")).size(), "readers skip the torn line");

        Path ckpt = CheckpointStore.resolveResume(split);
        TrainResult r = TrainerTest.run(split, cfg, TrainerTest.gan(), Optional.of(ckpt), new StopSignal(), List.of());
        assertTrue(r.completed());
        assertEquals(MetricsLog.deterministicLines(tmp.resolve("whole/metrics.jsonl")),
                MetricsLog.deterministicLines(split.resolve("metrics.jsonl")));
        String events = Files.readString(split.resolve("events.jsonl"));
        assertTrue(events.contains("\"event\":\"torn-metrics-line\"") && events.contains("\\\"step\\\":3,\\\"d_loss\\\":0.69"),
                events);
    }

    @Test
    void aDamagedLineBeforeTheLastIsNamedWithItsFileAndLine(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("metrics.jsonl");
        Files.writeString(f, "{\"step\":1}\nnot json\n{\"step\":2}\n");
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> MetricsLog.read(f));
        assertTrue(e.getMessage().startsWith(f + ": line 2 is not a JSON object"), e.getMessage());
    }
}
