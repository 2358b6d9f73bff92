package org.atelier.datasets.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    private static IdxArray sample() {
        byte[] data = new byte[3 * 4 * 5];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        return new IdxArray(new int[] {3, 4, 5}, data);
    }

    @Test
    void rawRoundTrip() throws IOException {
        Path f = dir.resolve("x-idx3-ubyte");
        IdxWriter.write(sample(), f, false);
        byte[] bytes = Files.readAllBytes(f);
        assertEquals(4 + 3 * 4 + 60, bytes.length);
        assertArrayEquals(new byte[] {0, 0, 8, 3, 0, 0, 0, 3}, Arrays.copyOf(bytes, 8));
        IdxArray back = IdxReader.read(f);
        assertEquals(sample(), back);
        assertEquals(3, back.rank());
        assertEquals(7 * 50 & 0xff, back.unsigned(50));
    }

    @Test
    void gzipIsRecognisedByMagicNotName() throws IOException {
        Path gz = dir.resolve("named-raw-idx3-ubyte");
        IdxWriter.write(sample(), gz, true);
        assertEquals(0x1f, Files.readAllBytes(gz)[0] & 0xff);
        assertEquals(sample(), IdxReader.read(gz));
        Path raw = dir.resolve("named-gz-idx3-ubyte.gz");
        IdxWriter.write(sample(), raw, false);
        assertEquals(sample(), IdxReader.read(raw));
    }

    @Test
    void truncatedDataIsCorruptAndSaysHowMuch() throws IOException {
        Path f = dir.resolve("t");
        IdxWriter.write(sample(), f, false);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length - 10));
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> IdxReader.read(f));
        assertTrue(e.getMessage().contains("truncated: expected 60 bytes of data after the header, found 50"),
                e.getMessage());
        assertEquals(f, e.file());

        Files.write(f, Arrays.copyOf(b, 6));
        assertTrue(assertThrows(CorruptFileException.class, () -> IdxReader.read(f)).getMessage()
                .contains("truncated header"));
    }

    @Test
    void truncatedGzipDataIsAlsoReportedAsTruncatedIdx() throws IOException {
        // A complete gzip stream of a short IDX payload: the IDX check, not gzip, must catch it.
        Path raw = dir.resolve("raw");
        IdxWriter.write(sample(), raw, false);
        byte[] b = Files.readAllBytes(raw);
        Path gz = dir.resolve("short.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(b, 0, b.length - 1);
        }
        assertTrue(assertThrows(CorruptFileException.class, () -> IdxReader.read(gz)).getMessage()
                .contains("expected 60 bytes of data after the header, found 59"));
    }

    @Test
    void trailingBytesAreRefused() throws IOException {
        Path f = dir.resolve("t");
        IdxWriter.write(sample(), f, false);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length + 3));
        String m = assertThrows(CorruptFileException.class, () -> IdxReader.read(f)).getMessage();
        assertTrue(m.contains("3 trailing bytes"), m);
    }

    @Test
    void wrongMagicIsRefused() throws IOException {
        Path f = dir.resolve("m");
        IdxWriter.write(sample(), f, false);
        byte[] b = Files.readAllBytes(f);
        b[1] = 1;
        Files.write(f, b);
        String m = assertThrows(CorruptFileException.class, () -> IdxReader.read(f)).getMessage();
        assertTrue(m.contains("not an IDX file") && m.contains("00 01"), m);
    }

    @Test
    void otherTypeBytesAreNamed() throws IOException {
        Path f = dir.resolve("ty");
        IdxWriter.write(sample(), f, false);
        byte[] b = Files.readAllBytes(f);
        b[2] = 0x0D;
        Files.write(f, b);
        String m = assertThrows(InvalidInputException.class, () -> IdxReader.read(f)).getMessage();
        assertTrue(m.contains("0x0D") && m.contains("32-bit float") && m.contains(f.toString()), m);

        b[2] = 0x42;
        Files.write(f, b);
        m = assertThrows(CorruptFileException.class, () -> IdxReader.read(f)).getMessage();
        assertTrue(m.contains("unknown IDX type byte 0x42"), m);
    }

    @Test
    void rankAndDimensionsAreChecked() throws IOException {
        Path f = dir.resolve("r");
        Files.write(f, new byte[] {0, 0, 8, 5, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 9});
        assertTrue(assertThrows(CorruptFileException.class, () -> IdxReader.read(f)).getMessage()
                .contains("rank 5"));
        Files.write(f, new byte[] {0, 0, 8, 0});
        assertTrue(assertThrows(CorruptFileException.class, () -> IdxReader.read(f)).getMessage()
                .contains("rank 0"));
        Files.write(f, new byte[] {0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 0});
        assertTrue(assertThrows(CorruptFileException.class, () -> IdxReader.read(f)).getMessage()
                .contains("dimension 1 is 0"));
        Files.write(f, new byte[] {0, 0, 8, 2, 0x7f, 0, 0, 0, 0x7f, 0, 0, 0});
        assertTrue(assertThrows(CorruptFileException.class, () -> IdxReader.read(f)).getMessage()
                .contains("too large"));
    }

    @Test
    void corruptGzipIsCorrupt() throws IOException {
        Path f = dir.resolve("c.gz");
        IdxWriter.write(sample(), f, true);
        byte[] b = Files.readAllBytes(f);
        byte[] garbled = b.clone();
        for (int i = 10; i < garbled.length - 8; i++) {
            garbled[i] = (byte) 0xff;
        }
        Files.write(f, garbled);
        String m = assertThrows(CorruptFileException.class, () -> IdxReader.read(f)).getMessage();
        assertTrue(m.contains("corrupt gzip"), m);

        Files.write(f, Arrays.copyOf(b, b.length / 2));
        m = assertThrows(CorruptFileException.class, () -> IdxReader.read(f)).getMessage();
        assertTrue(m.contains("corrupt gzip"), m);
    }

    @Test
    void missingFileIsInvalidInput() {
        Path f = dir.resolve("nope");
        assertTrue(assertThrows(InvalidInputException.class, () -> IdxReader.read(f)).getMessage()
                .contains("no such IDX file"));
    }

    @Test
    void emptyFileIsCorrupt() throws IOException {
        Path f = dir.resolve("empty");
        Files.write(f, new byte[0]);
        assertThrows(CorruptFileException.class, () -> IdxReader.read(f));
    }
}
