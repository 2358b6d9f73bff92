package org.atelier.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

    /** Issue 16, item 9: a file written by temp file and rename gets the mode of a plain create, not 0600. */
    @Test
    void anAtomicWriteEndsWithTheModeAPlainCreateGetsUnderTheUmask() throws Exception {
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.writeString(atomic, "report");
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(atomic)));
        // an existing file keeps its own mode, as an in-place overwrite would
        Files.setPosixFilePermissions(atomic, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.writeString(atomic, "again");
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(atomic)));
    }

    /** The mode under a umask other than the test JVM's: a child JVM started by a shell with umask 002. */
    @Test
    void theModeFollowsTheUmaskOfTheWritingProcess() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve("child.txt");
        Process p = new ProcessBuilder("sh", "-c", "umask 002; exec \"$0\" -cp \"$1\" \"$2\" \"$3\"",
                java, System.getProperty("java.class.path"), Child.class.getName(), out.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    /** Writes its argument's file atomically. */
    public static final class Child {
        public static void main(String[] args) {
            AtomicFiles.writeString(Path.of(args[0]), "from a process with umask 002");
        }
    }

    /** Issue 16, item 8 (the core half): what a killed writer leaves is recognised and removed, nothing else. */
    @Test
    void staleTempFilesAreRecognisedAndOnlyTheyAreRemoved() throws Exception {
        Path kept = dir.resolve("step-00000002.ckpt");
        AtomicFiles.writeString(kept, "complete");
        Path stale = Files.writeString(dir.resolve(".step-00000004.ckpt.1234567890.tmp"), "half");
        Path oldStyle = Files.writeString(dir.resolve(".step-00000006.ckpt987654321.tmp"), "half");
        Path other = Files.writeString(dir.resolve("notes.tmp"), "mine");
        assertEquals(java.util.Set.of(stale, oldStyle), java.util.Set.copyOf(AtomicFiles.removeStaleTemps(dir)));
        assertTrue(Files.exists(kept) && Files.exists(other));
        assertFalse(Files.exists(stale) || Files.exists(oldStyle));
    }

    @Test
    void hashesAreStandardSha256() {
        // FIPS 180-2 test vector for "abc"
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hashing.sha256("abc"));
    }
}
