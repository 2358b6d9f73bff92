package org.atelier.datasets.idx;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.atelier.core.errors.UserException;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the IDX reader: {@link #raw} reads the bytes as a file (gzip seeds included, so the gzip
 * path is mutated too); {@link #gzipped} gzips the bytes first, so mutations reach the IDX parser
 * behind a valid gzip stream. Only typed errors may escape.
 */
class IdxReaderFuzzTest {
    /** Where the inputs are written; JUnit removes it after the class. */
    @TempDir
    static Path scratch;
    private static Path file;

    private static Path write(byte[] data) throws Exception {
        if (file == null) {
            file = scratch.resolve("input.idx");
        }
        return Files.write(file, data);
    }

    @FuzzTest(maxDuration = "10m")
    void raw(byte[] data) throws Exception {
        try {
            IdxReader.read(write(data));
        } catch (UserException expected) {
            // typed refusal
        }
    }

    @FuzzTest(maxDuration = "10m")
    void gzipped(byte[] data) throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(data);
        }
        try {
            IdxReader.read(write(gz.toByteArray()));
        } catch (UserException expected) {
            // typed refusal
        }
    }
}
