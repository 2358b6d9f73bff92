package org.atelier.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output without SameDiff's build chatter. SameDiff 1.0.0-M2.1 prints "Added
 * differentiated op …" with System.out.println each time it builds a gradient graph, with no
 * setting to turn it off; those lines would bury the command's own output. Everything else
 * passes through unchanged.
 */
final class QuietStdout extends PrintStream {
    private static final String NOISE = "Added differentiated op";

    QuietStdout(OutputStream out) {
        super(out, true, StandardCharsets.UTF_8);
    }

    @Override
    public void println(String line) {
        if (line == null || !line.startsWith(NOISE)) {
            super.println(line);
        }
    }
}
