package org.atelier.models.nst;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.core.errors.UserException;

/** Fuzzes .npz VGG weights (stylize --vgg FILE.npz): the reader and the state-dict checks on top of it. */
class VggWeightsFuzzTest {
    private static Path file;

    @FuzzTest(maxDuration = "10m")
    void npz(byte[] data) throws Exception {
        if (file == null) {
            file = Files.createTempDirectory("atelier-fuzz").resolve("vgg.npz");
        }
        Files.write(file, data);
        try {
            VggWeights.load(file);
        } catch (UserException expected) {
            // typed refusal
        }
    }
}
