package org.atelier.core.errors;

/**
 * An error the user can cause and fix: a missing file, a corrupt input, a bad config key,
 * a shape that does not fit. Its message names the file or key and what was expected; the
 * CLI prints only that message (no stack trace unless --verbose) and exits non-zero.
 */
public class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
