package org.atelier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lets tests in other packages run the CLI the way {@link MainTest} does. */
public final class MainTestAccess {
    private MainTestAccess() {
    }

    /** Exit code and captured output of one CLI run. */
    public record Result(int code, String out, String err) {
    }

    public static Result run(String... args) {
        MainTest.Result r = MainTest.run(args);
        return new Result(r.code(), r.out(), r.err());
    }

    /** Runs the CLI and requires exit code 0 (the failure names the arguments and shows stderr). */
    public static Result ok(String... args) {
        Result r = run(args);
        assertEquals(0, r.code(), String.join(" ", args) + "\n" + r.err());
        return r;
    }

    /** Runs the CLI and requires the user-error exit code 2 with {@code expected} in stderr. */
    public static Result fails(String expected, String... args) {
        Result r = run(args);
        assertEquals(2, r.code(), String.join(" ", args) + "\n" + r.out() + r.err());
        assertTrue(r.err().contains(expected), r.err());
        return r;
    }
}
