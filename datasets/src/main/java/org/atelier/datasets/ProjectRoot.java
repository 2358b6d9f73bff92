package org.atelier.datasets;

import java.nio.file.Path;

/**
 * The project checkout, for files that live beside the code (sample images, configs): the
 * {@code atelier.home} system property that {@code ./atelier} sets, else the working directory.
 */
public final class ProjectRoot {
    private ProjectRoot() {
    }

    public static Path path() {
        String home = System.getProperty("atelier.home");
        return home == null ? Path.of("").toAbsolutePath() : Path.of(home);
    }
}
