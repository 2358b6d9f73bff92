package org.atelier.models.nst;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.core.errors.UserException;
import org.junit.jupiter.api.io.TempDir;

/** Fuzzes .npz VGG weights (stylize --vgg FILE.npz): the reader and the state-dict checks on top of it. */
class VggWeightsFuzzTest {
    /** Where the inputs are written; JUnit removes it after the class. */
    @TempDir
    static Path scratch;
    private static Path file;

    @FuzzTest(maxDuration = "10m")
    void npz(byte[] data) throws Exception {
        if (file == null) {
            file = scratch.resolve("vgg.npz");
        }
        Files.write(file, data);
        try {
            VggWeights.load(file);
        } catch (UserException expected) {
            // typed refusal
        }
    }
}
