package org.atelier.training.publish;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.core.config.ConfigLoader;
import org.atelier.core.errors.UserException;
import org.atelier.core.io.Hashing;
import org.atelier.core.io.Json;
import org.atelier.training.config.RunConfig;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes published model folders (what every command taking a RUN accepts). The input is the
 * folder's files, separated by the line {@link #SEPARATOR}: config.yaml, data.json, weights.ckpt
 * and, optionally, model-card.json. Without a card the target writes one that records the true
 * SHA-256s and config hash, so the mutations reach the config, shape and weights readers and the
 * model built from them instead of stopping at the hash check; a fuzzed card exercises the card
 * reader and its file list. Only typed errors may escape.
 */
class PublishedModelFuzzTest {
    /** Where the inputs are written; JUnit removes it after the class. */
    @TempDir
    static Path scratch;
    static final byte[] SEPARATOR = "\n#--atelier-fuzz-file--\n".getBytes(StandardCharsets.US_ASCII);
    private static final String[] FILES = {PublishedModel.CONFIG, PublishedModel.DATA, PublishedModel.WEIGHTS,
        PublishedModel.CARD};
    private static Path dir;

    @FuzzTest(maxDuration = "10m")
    void folder(byte[] data) throws Exception {
        if (dir == null) {
            dir = scratch.resolve("model");
        }
        Files.createDirectories(dir);
        for (String f : FILES) {
            Files.deleteIfExists(dir.resolve(f));
        }
        List<byte[]> parts = split(data);
        Map<String, String> sums = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(parts.size(), FILES.length); i++) {
            Files.write(dir.resolve(FILES[i]), parts.get(i));
            if (i < 3) {
                sums.put(FILES[i], Hashing.sha256(parts.get(i)));
            }
        }
        if (parts.size() == 3) {
            String configHash;
            try {
                configHash = ConfigLoader.hash(ConfigLoader.load(dir.resolve(PublishedModel.CONFIG), RunConfig.class,
                        List.of()));
            } catch (UserException e) {
                configHash = "none";
            }
            Json.write(dir.resolve(PublishedModel.CARD), new ModelCard(PublishedModel.FORMAT, "fuzz", "dcgan",
                    configHash, 1, Map.of(), 1, 1, null, 1, 0.9, new ModelCard.Weights(PublishedModel.WEIGHTS,
                    sums.get(PublishedModel.WEIGHTS), parts.get(2).length, 0, 0, 0), sums, null, List.of(), null));
        }
        try {
            PublishedModel.load(dir);
        } catch (UserException expected) {
            // typed refusal
        }
    }

    static List<byte[]> split(byte[] data) {
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i + SEPARATOR.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + SEPARATOR.length, SEPARATOR, 0, SEPARATOR.length)) {
                parts.add(Arrays.copyOfRange(data, start, i));
                i += SEPARATOR.length - 1;
                start = i + 1;
            }
        }
        parts.add(Arrays.copyOfRange(data, start, data.length));
        return parts;
    }
}
