package org.atelier.training.checkpoint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A real SIGKILL: a child JVM writes large checkpoints in a loop and is killed without warning
 * while writing; every checkpoint left in the folder must load, and the newest must be at
 * least the last one the child reported as saved.
 */
class KillDuringWriteTest {
    /** The child: saves checkpoints of ~8 MB, step 1, 2, …, printing each finished step. */
    public static void main(String[] args) {
        CheckpointStore store = new CheckpointStore(Path.of(args[0]), 2);
        Checkpoint base = CheckpointFilesTest.checkpoint(0);
        java.util.Map<String, org.nd4j.linalg.api.ndarray.INDArray> params = new java.util.LinkedHashMap<>(base.parameters());
        params.put("big", Nd4j.rand(DataType.FLOAT, 2_000_000));
        for (long s = 1; ; s++) {
            CheckpointMeta m = base.meta();
            CheckpointMeta meta = new CheckpointMeta(m.format(), s, m.lrScale(), m.rollbacks(), m.rng(),
                    m.optimizerUpdates(), m.window(), m.guardAverages(), m.guardSteps(), null);
            store.save(new Checkpoint(meta, params, base.buffers(), base.ema(), base.optimizer()));
            System.out.println("saved " + s);
            System.out.flush();
        }
    }

    @Test
    void sigkillWhileWritingLeavesLoadableCheckpoints(@TempDir Path tmp) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String key : List.of("org.bytedeco.javacpp.cachedir", "java.awt.headless")) {
            if (System.getProperty(key) != null) {
                cmd.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), KillDuringWriteTest.class.getName(), tmp.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long lastSaved = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("saved ")) {
                    lastSaved = Long.parseLong(line.substring(6));
                    if (lastSaved == 3) {
                        // the child is now busy writing step 4: kill it mid-write
                        Thread.sleep(40);
                        p.destroyForcibly();
                        break;
                    }
                }
            }
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(lastSaved >= 3, "child saved " + lastSaved);
        CheckpointStore store = new CheckpointStore(tmp, 2);
        for (Path f : store.list()) {
            CheckpointFiles.read(f); // every listed checkpoint loads
        }
        Path latest = CheckpointStore.resolveResume(tmp);
        assertTrue(CheckpointStore.stepOf(latest) >= lastSaved, latest.toString());
        assertTrue(CheckpointFiles.read(latest).parameters().get("big").length() == 2_000_000);
    }
}
