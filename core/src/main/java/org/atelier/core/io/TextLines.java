package org.atelier.core.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.core.errors.CorruptFileException;

/**
 * The lines of a user's UTF-8 text file, read in bounded memory: a line longer than
 * {@link #MAX_LINE_CHARS} (a binary file, or one with no line breaks) is refused when the limit
 * is reached rather than collected whole, and bytes that are not UTF-8 are refused naming the
 * line — {@link BufferedReader#readLine} would do neither. Line breaks are {@code \n} or
 * {@code \r\n}.
 */
public final class TextLines implements AutoCloseable {
    /** Longest line accepted (1 Mi characters): a row of 2048 features is about 25 k. */
    public static final int MAX_LINE_CHARS = 1 << 20;
    private final Path file;
    private final BufferedReader in;
    private final StringBuilder line = new StringBuilder();
    private int number;

    private TextLines(Path file, BufferedReader in) {
        this.file = file;
        this.in = in;
    }

    public static TextLines open(Path file) throws IOException {
        return new TextLines(file, new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT))));
    }

    /** The next line without its break, or null at the end of the file. */
    public String next() throws IOException {
        line.setLength(0);
        int c;
        try {
            while ((c = in.read()) >= 0 && c != '\n') {
                if (line.length() == MAX_LINE_CHARS) {
                    throw new CorruptFileException(file, "line " + (number + 1) + " is longer than " + MAX_LINE_CHARS
                            + " characters; expected a text file of short lines");
                }
                line.append((char) c);
            }
        } catch (CharacterCodingException e) {
            throw new CorruptFileException(file, "line " + (number + 1) + " is not UTF-8 text", e);
        }
        if (c < 0 && line.length() == 0) {
            return null;
        }
        number++;
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return line.substring(0, end);
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
