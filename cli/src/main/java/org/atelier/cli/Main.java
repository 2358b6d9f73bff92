package org.atelier.cli;

import java.util.Arrays;
import org.atelier.core.io.QuietStdout;
import picocli.CommandLine;

/** Entry point of the {@code atelier} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--verbose")) {
            // must happen before the first logger is created (ND4J logs on class load)
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        } else {
            System.setOut(new QuietStdout(new java.io.FileOutputStream(java.io.FileDescriptor.out)));
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 internal error, 2 user error). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new AtelierCommand());
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli.execute(args);
    }
}
