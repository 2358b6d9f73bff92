package org.atelier.evaluation.distribution;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.core.errors.UserException;
import org.junit.jupiter.api.io.TempDir;

/** Fuzzes the feature CSV reader (metrics distribution --a/--b FILE.csv): rows of floats or a typed error. */
class CsvFeatureSourceFuzzTest {
    /** Where the inputs are written; JUnit removes it after the class. */
    @TempDir
    static Path scratch;
    private static Path file;

    @FuzzTest(maxDuration = "10m")
    void featureCsv(byte[] data) throws Exception {
        if (file == null) {
            file = scratch.resolve("features.csv");
        }
        Files.write(file, data);
        try {
            new CsvFeatureSource(file).stream(batch -> {
                for (float[] row : batch) {
                    if (row.length != batch[0].length) {
                        throw new AssertionError("ragged batch passed on");
                    }
                }
            });
        } catch (UserException expected) {
            // typed refusal
        }
    }
}
