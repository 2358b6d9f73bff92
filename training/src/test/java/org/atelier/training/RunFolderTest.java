package org.atelier.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;
import org.atelier.core.errors.ConfigException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.training.checkpoint.CheckpointFiles;
import org.atelier.training.checkpoint.CheckpointStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, items 1, 2, 8 and 10: who may write a run folder, and what a killed start leaves.
 * Each test trains a tiny DCGAN (4 steps on 40 test images) through {@link Runs#train}, as the
 * train command does.
 */
class RunFolderTest {
    @TempDir
    Path tmp;
    Path config;
    Path runs;

    @BeforeEach
    void config() throws Exception {
        config = tmp.resolve("tiny.yaml");
        Files.writeString(config, String.join("\n",
                "name: tiny",
                "seed: 7",
                "data: {dataset: 'fashion-mnist:test', limit: 40}",
                "model: {family: dcgan, arch: tiny28, z_dim: 16}",
                "trainer: {steps: 4, batch_size: 4, optimizer: {kind: adam, lr: 0.0002, beta1: 0.5},",
                "          checkpoint_every: 2, keep_checkpoints: 3, log_every: 1, sample_every: 2, sample_count: 4}", ""));
        runs = tmp.resolve("runs");
    }

    private Runs.Outcome train(Optional<String> name, Optional<Path> resume) {
        return Runs.train(new Runs.Request(config, List.of(), name, resume, runs, new StopSignal(), false, List.of()));
    }

    /** Item 1: the folder is locked before anything is written, so a second writer is refused, not mixed in. */
    @Test
    void aSecondTrainingOfAFolderAnotherHoldsIsRefusedBeforeWritingAnything() {
        Path folder = runs.resolve("mixed");
        try (RunLock other = RunLock.acquire(folder)) { // a training that has just started and written nothing yet
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> train(Optional.of("mixed"), Optional.empty()));
            assertTrue(e.getMessage().contains("is being written by another training (process "
                    + ProcessHandle.current().pid() + ")"), e.getMessage());
            assertFalse(Files.exists(folder.resolve("config.yaml")), "the refused training wrote nothing");
        }
        assertTrue(train(Optional.of("mixed"), Optional.empty()).result().completed(), "free again once released");
    }

    /** Item 1, as reproduced: two trainings of one name started together; one runs, one is refused. */
    @Test
    void twoTrainingsStartedTogetherUnderOneNameDoNotMixTheirMetrics() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Throwable> refused = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    train(Optional.of("race"), Optional.empty());
                } catch (InvalidInputException e) {
                    refused.add(e);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, refused.size(), "exactly one of the two is refused");
        List<String> steps = MetricsLog.readLines(runs.resolve("race/metrics.jsonl")).stream()
                .map(l -> l.replaceAll(".*\"step\":(\\d+).*", "$1")).toList();
        assertEquals(List.of("1", "2", "3", "4"), steps, "every step once");
    }

    /**
     * Item 2: a kill during the step-0 checkpoint left config, data and provenance and a temp file
     * in checkpoints/; resume now says how to restart, and a fresh start takes the folder over.
     */
    @Test
    void aStartKilledDuringItsStepZeroCheckpointCanBeStartedAgain() throws Exception {
        train(Optional.of("stranded"), Optional.empty());
        Path folder = runs.resolve("stranded");
        byte[] half;
        try (Stream<Path> s = Files.list(folder.resolve("checkpoints"))) {
            List<Path> ckpts = s.toList();
            half = java.util.Arrays.copyOf(Files.readAllBytes(ckpts.get(0)), 1000);
            for (Path p : ckpts) {
                Files.delete(p);
            }
        }
        Files.write(folder.resolve("checkpoints/.step-00000000.ckpt.4242.tmp"), half);
        Files.delete(folder.resolve("metrics.jsonl"));
        Files.delete(folder.resolve("events.jsonl"));

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> train(Optional.empty(), Optional.of(folder)));
        assertTrue(e.getMessage().contains("stopped before its step-0 checkpoint") && e.getMessage().contains("--name stranded"),
                e.getMessage());
        Runs.Outcome again = train(Optional.of("stranded"), Optional.empty());
        assertTrue(again.result().completed());
        assertEquals(4, MetricsLog.readLines(folder.resolve("metrics.jsonl")).size());
        String events = Files.readString(folder.resolve("events.jsonl"));
        assertTrue(events.contains("\"event\":\"restarted\""), events);
    }

    /**
     * Item 8: temp files of killed checkpoint writes are removed by the next start or resume, and noted.
     * On the way: a resume with another seed, or fewer steps, is refused.
     */
    @Test
    void tempFilesOfKilledCheckpointWritesAreRemovedOnResume() throws Exception {
        train(Optional.of("temps"), Optional.empty());
        Path folder = runs.resolve("temps");
        Path stale = Files.writeString(folder.resolve("checkpoints/.step-00000006.ckpt.123456789.tmp"), "half");
        Path staleGrid = Files.writeString(folder.resolve("samples/.step-00000006.png.987.tmp"), "half");
        Files.writeString(config, Files.readString(config).replace("steps: 4", "steps: 6"));
        String grown = Files.readString(config);
        Files.writeString(config, grown.replace("seed: 7", "seed: 8"));
        ConfigException other = assertThrows(ConfigException.class, () -> train(Optional.empty(), Optional.of(folder)));
        assertTrue(other.getMessage().contains("differs from the resumed run's"), other.getMessage());
        Files.writeString(config, grown.replace("steps: 6", "steps: 3"));
        ConfigException shrunk = assertThrows(ConfigException.class, () -> train(Optional.empty(), Optional.of(folder)));
        assertTrue(shrunk.getMessage().contains("cannot shrink a resumed run"), shrunk.getMessage());
        Files.writeString(config, grown);
        train(Optional.empty(), Optional.of(folder));
        assertFalse(Files.exists(stale) || Files.exists(staleGrid));
        assertTrue(Files.readString(folder.resolve("events.jsonl")).contains("\"event\":\"stale-temp-files\""));
        for (Path c : new CheckpointStore(folder.resolve("checkpoints"), 3).list()) {
            CheckpointFiles.read(c);
        }
    }

    /** Item 10: --name is held to the same rule as the config's name, so it cannot climb out of --runs. */
    @Test
    void aRunNameThatClimbsOutOfTheRunsFolderIsRefused() {
        // a name unique to this run: a fixed one in the shared /tmp would be found there after any old build's run
        String escaped = tmp.getFileName() + "-escaped";
        for (String bad : List.of("../../" + escaped, "a/b", "..", ".hidden", "/abs")) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> train(Optional.of(bad), Optional.empty()), bad);
            assertTrue(e.getMessage().startsWith("--name '" + bad + "': a run name is"), e.getMessage());
        }
        assertFalse(Files.exists(tmp.getParent().resolve(escaped)), "nothing was written outside --runs");
        assertFalse(Files.exists(runs), "nothing was created");
    }
}
