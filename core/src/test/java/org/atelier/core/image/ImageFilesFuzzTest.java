package org.atelier.core.image;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.core.errors.UserException;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes image decoding (PNG, JPEG, BMP, GIF) with the pixel limit: only the project's typed
 * errors may escape, whatever the bytes. The limit is 256 × 256 here so that a header claiming a
 * large picture is refused before decoding, as every caller's limit does. Seeds: {@code
 * ImageFilesFuzzTestInputs/decode/}. Replayed by {@code mvn verify}; fuzzed with
 * {@code JAZZER_FUZZ=1} (docs/reliability.md).
 */
class ImageFilesFuzzTest {
    /** Where the inputs are written; JUnit removes it after the class. */
    @TempDir
    static Path scratch;
    static final long MAX_PIXELS = 256L * 256L;
    private static Path file;

    @FuzzTest(maxDuration = "10m")
    void decode(byte[] data) throws Exception {
        if (file == null) {
            file = scratch.resolve("input.img");
        }
        Files.write(file, data);
        try {
            Image img = ImageFiles.read(file, MAX_PIXELS);
            if ((long) img.width() * img.height() > MAX_PIXELS) {
                throw new AssertionError("decoded " + img.width() + "x" + img.height() + " above the limit");
            }
        } catch (UserException expected) {
            // a typed, user-facing refusal is the right outcome for a bad file
        }
    }
}
