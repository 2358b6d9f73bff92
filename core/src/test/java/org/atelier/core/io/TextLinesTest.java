package org.atelier.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.core.errors.CorruptFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextLinesTest {
    @TempDir
    Path dir;

    @Test
    void readsLinesWithEitherBreakAndCountsThem() throws Exception {
        Path f = Files.writeString(dir.resolve("a.txt"), "one\r\ntwo\n\nthree");
        try (TextLines in = TextLines.open(f)) {
            assertEquals("one", in.next());
            assertEquals("two", in.next());
            assertEquals("", in.next());
            assertEquals("three", in.next());
            assertEquals(4, in.number());
            assertNull(in.next());
        }
    }

    @Test
    void aLineAboveTheLimitIsRefusedWithoutBeingCollected() throws Exception {
        Path f = Files.writeString(dir.resolve("long.txt"), "ok\n" + "x".repeat(TextLines.MAX_LINE_BYTES + 1));
        try (TextLines in = TextLines.open(f)) {
            in.next();
            CorruptFileException e = assertThrows(CorruptFileException.class, in::next);
            assertTrue(e.getMessage().startsWith(f + ": line 2 is longer than"), e.getMessage());
        }
    }

    @Test
    void bytesThatAreNotUtf8AreNamedWithTheirLine() throws Exception {
        Path f = Files.write(dir.resolve("latin1.txt"), new byte[] {'a', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
        try (TextLines in = TextLines.open(f)) {
            in.next();
            CorruptFileException e = assertThrows(CorruptFileException.class, in::next);
            assertEquals(f + ": line 2 is not UTF-8 text", e.getMessage());
        }
    }
}
