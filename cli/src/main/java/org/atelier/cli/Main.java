package org.atelier.cli;

import java.util.Arrays;
import org.atelier.core.io.QuietStdout;
import picocli.CommandLine;

/** Entry point of the {@code atelier} command. */
public final class Main {
    /** Logger prefixes of the libraries whose warnings users cannot act on (kept at error in simplelogger.properties). */
    static final String[] LIBRARY_LOGGERS = {"org.nd4j", "org.deeplearning4j"};

    private Main() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--verbose")) {
            // must happen before the first logger is created (ND4J logs on class load); system
            // properties win over simplelogger.properties, which keeps the libraries at error
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            for (String library : LIBRARY_LOGGERS) {
                System.setProperty("org.slf4j.simpleLogger.log." + library, "info");
            }
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
        String unknown = UnknownCommands.check(cli, args);
        if (unknown != null) {
            cli.getErr().println("atelier: error: " + unknown);
            return ErrorReporter.USER_ERROR;
        }
        return cli.execute(args);
    }
}
