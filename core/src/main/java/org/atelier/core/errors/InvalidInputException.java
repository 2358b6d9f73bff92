package org.atelier.core.errors;

/**
 * An input that is well-formed but not acceptable: a missing file, a wrong image or mask size,
 * a path escaping its dataset root, an image above the pixel limit, an unknown name.
 */
public final class InvalidInputException extends UserException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
