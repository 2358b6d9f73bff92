package org.atelier.datasets.masks;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.core.errors.UserException;
import org.junit.jupiter.api.io.TempDir;

/** Fuzzes mask images: any bytes read as a 16 × 16 mask give a mask or a typed error. */
class MaskFilesFuzzTest {
    /** Where the inputs are written; JUnit removes it after the class. */
    @TempDir
    static Path scratch;
    private static Path file;

    @FuzzTest(maxDuration = "10m")
    void mask(byte[] data) throws Exception {
        if (file == null) {
            file = scratch.resolve("mask.png");
        }
        Files.write(file, data);
        try {
            Mask m = MaskFiles.read(file, 16, 16);
            if (m.height() != 16 || m.width() != 16) {
                throw new AssertionError("mask of " + m.height() + "x" + m.width() + " accepted for 16x16");
            }
        } catch (UserException expected) {
            // typed refusal
        }
    }
}
