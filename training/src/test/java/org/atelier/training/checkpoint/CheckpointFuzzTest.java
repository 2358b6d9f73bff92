package org.atelier.training.checkpoint;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.atelier.core.errors.UserException;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes checkpoint files: read without knowing the model (export, --resume's first look) and
 * with the shapes of the seed checkpoint's model (resume, sampling). Only typed errors may
 * escape, and memory stays bounded whatever sizes the bytes claim (the surefire heap is 2 GB).
 */
class CheckpointFuzzTest {
    /** Where the inputs are written; JUnit removes it after the class. */
    @TempDir
    static Path scratch;
    /** The shapes of {@link CheckpointFilesTest#checkpoint}, the model of the seeds. */
    private static final Map<String, long[]> SHAPES = Map.of("params/g_w", new long[] {3, 4}, "params/d_w",
            new long[] {5}, "ema/g_w", new long[] {3, 4}, "buffers/g_bn_rmean", new long[] {1, 3}, "optim/g",
            new long[] {1, 24});
    private static Path file;

    @FuzzTest(maxDuration = "10m")
    void checkpoint(byte[] data) throws Exception {
        if (file == null) {
            file = scratch.resolve("step-00000001.ckpt");
        }
        Files.write(file, data);
        for (Map<String, long[]> expected : java.util.List.of(Map.<String, long[]>of(), SHAPES)) {
            try {
                CheckpointFiles.read(file, expected);
            } catch (UserException expectedRefusal) {
                // typed refusal
            }
        }
    }
}
