package org.atelier.training.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.atelier.core.config.ConfigLoader;
import org.atelier.core.errors.UserException;

/** Fuzzes YAML experiment configs bound onto {@link RunConfig} (the train, sample and export commands' first read). */
class RunConfigFuzzTest {
    private static Path file;

    @FuzzTest(maxDuration = "10m")
    void yaml(byte[] data) throws Exception {
        if (file == null) {
            file = Files.createTempDirectory("atelier-fuzz").resolve("config.yaml");
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
