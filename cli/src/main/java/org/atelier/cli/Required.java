package org.atelier.cli;

import org.atelier.core.errors.InvalidInputException;

/**
 * A required option checked by the command rather than by picocli: needed where an old spelling
 * can also set it (picocli would refuse the old spelling alone as a missing option).
 */
public final class Required {
    private Required() {
    }

    public static void given(String flag, Object value) {
        if (value == null) {
            throw new InvalidInputException("missing " + flag);
        }
    }
}
