package org.atelier.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheTargetAndLeavesNoTempFile() throws Exception {
        Path f = dir.resolve("sub/out.txt");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "two");
        assertEquals("two", Files.readString(f));
        try (Stream<Path> files = Files.list(f.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aWriterThatFailsHalfwayLeavesThePreviousVersionIntact() throws Exception {
        Path f = dir.resolve("checkpoint.bin");
        AtomicFiles.writeString(f, "complete previous version");
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("half of the new".getBytes());
            throw new IOException("disk full (simulated)");
        }));
        assertEquals("complete previous version", Files.readString(f));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "the temp file is cleaned up");
        }
    }

    @Test
    void hashesAreStandardSha256() {
        // FIPS 180-2 test vector for "abc"
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hashing.sha256("abc"));
    }
}
