package org.atelier.core.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.atelier.core.errors.CorruptFileException;

/**
 * The lines of a user's UTF-8 text file, read in bounded memory: a line longer than
 * {@link #MAX_LINE_BYTES} (a binary file, or one with no line breaks) is refused when the limit
 * is reached rather than collected whole, and bytes that are not UTF-8 are refused naming their
 * line — {@link java.io.BufferedReader#readLine} does neither (and, decoding ahead, would name
 * the wrong line). Line breaks are {@code \n} or {@code \r\n}.
 */
public final class TextLines implements AutoCloseable {
    /** Longest line accepted (1 MiB): a row of 2048 features is about 25 kB. */
    public static final int MAX_LINE_BYTES = 1 << 20;
    private final Path file;
    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] line = new byte[256];
    private int number;

    private TextLines(Path file, InputStream in) {
        this.file = file;
        this.in = in;
    }

    public static TextLines open(Path file) throws IOException {
        return new TextLines(file, new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    /** The next line without its break, or null at the end of the file. */
    public String next() throws IOException {
        int n = 0;
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (n == MAX_LINE_BYTES) {
                throw new CorruptFileException(file, "line " + (number + 1) + " is longer than " + MAX_LINE_BYTES
                        + " bytes; expected a text file of short lines");
            }
            if (n == line.length) {
                line = Arrays.copyOf(line, Math.min(2 * n, MAX_LINE_BYTES));
            }
            line[n++] = (byte) b;
        }
        if (b < 0 && n == 0) {
            return null;
        }
        number++;
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        try {
            return utf8.decode(ByteBuffer.wrap(line, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw new CorruptFileException(file, "line " + number + " is not UTF-8 text", e);
        }
    }

    /** The 1-based number of the line {@link #next} returned last. */
    public int number() {
        return number;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
