package org.atelier.core.io;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Standard output without SameDiff's build chatter. SameDiff 1.0.0-M2.1 prints "Added
 * differentiated op …" with System.out.println each time it builds a gradient graph, with no
 * setting to turn it off; those lines would bury a command's (or a notebook cell's) own output.
 * Everything else passes through unchanged.
 */
public final class QuietStdout extends PrintStream {
    private static final String NOISE = "Added differentiated op";

    public QuietStdout(OutputStream out) {
        super(out, true, StandardCharsets.UTF_8);
    }

    @Override
    public void println(String line) {
        if (line == null || !line.startsWith(NOISE)) {
            super.println(line);
        }
    }

    /**
     * Runs {@code action} with the chatter filtered from whatever System.out is now (a notebook
     * kernel's stream for the running cell, say), and puts that stream back afterwards.
     */
    public static <T> T during(Supplier<T> action) {
        PrintStream before = System.out;
        System.setOut(new QuietStdout(before));
        try {
            return action.get();
        } finally {
            System.out.flush();
            System.setOut(before);
        }
    }
}
