package org.atelier.experiments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The run folders a report (the demo, a comparison) keeps inside its own folder. */
public final class ReportFolders {
    private ReportFolders() {
    }

    /** Deletes {@code dir} and everything in it: the report owns it, and a rerun starts it afresh. */
    public static void clear(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear the previous run " + dir + ": " + e.getMessage(), e);
        }
    }
}
