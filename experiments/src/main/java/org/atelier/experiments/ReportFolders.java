package org.atelier.experiments.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The run folders the demo keeps inside its report folder. */
final class DemoFolders {
    private DemoFolders() {
    }

    /** Deletes {@code dir} and everything in it: the demo owns it, and a rerun starts it afresh. */
    static void clear(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear the previous demo run " + dir + ": " + e.getMessage(), e);
        }
    }
}
