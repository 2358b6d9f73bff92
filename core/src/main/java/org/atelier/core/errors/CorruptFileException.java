package org.atelier.core.errors;

import java.nio.file.Path;

/** A file that exists but does not hold what its format promises (bad magic, truncated, undecodable). */
public final class CorruptFileException extends UserException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public CorruptFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public CorruptFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
