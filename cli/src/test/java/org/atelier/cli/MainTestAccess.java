package org.atelier.cli;

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
}
