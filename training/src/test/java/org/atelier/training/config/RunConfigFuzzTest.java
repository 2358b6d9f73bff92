package org.atelier.training.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.atelier.core.config.ConfigLoader;
import org.atelier.core.errors.UserException;
import org.junit.jupiter.api.io.TempDir;

/** Fuzzes YAML experiment configs bound onto {@link RunConfig} (the train, sample and export commands' first read). */
class RunConfigFuzzTest {
    /** Where the inputs are written; JUnit removes it after the class. */
    @TempDir
    static Path scratch;
    private static Path file;

    @FuzzTest(maxDuration = "10m")
    void yaml(byte[] data) throws Exception {
        if (file == null) {
            file = scratch.resolve("config.yaml");
        }
        Files.write(file, data);
        try {
            RunConfig cfg = ConfigLoader.load(file, RunConfig.class, List.of());
            ConfigLoader.hash(cfg);
            ConfigLoader.toYaml(cfg);
        } catch (UserException expected) {
            // typed refusal
        }
    }
}
