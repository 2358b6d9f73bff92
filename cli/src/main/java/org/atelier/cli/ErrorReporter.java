package org.atelier.cli;

import java.io.UncheckedIOException;
import org.atelier.core.errors.InvalidSettingException;
import org.atelier.core.errors.UserException;
import picocli.CommandLine;

/**
 * Turns exceptions into one line on stderr and an exit code: 2 for errors the user can fix
 * (the message names the file or key), 1 for internal errors. Stack traces only with --verbose.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    static final int USER_ERROR = 2;
    static final int INTERNAL_ERROR = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        boolean verbose = parsed.originalArgs().contains("--verbose");
        if (verbose) {
            ex.printStackTrace(cmd.getErr());
        }
        Throwable user = userCause(ex);
        if (user instanceof InvalidSettingException setting) {
            cmd.getErr().println("atelier: error: " + flag(setting.setting()) + " " + setting.problem());
            return USER_ERROR;
        }
        if (user != null) {
            cmd.getErr().println("atelier: error: " + user.getMessage());
            return USER_ERROR;
        }
        if (ex instanceof UncheckedIOException io) {
            cmd.getErr().println("atelier: error: " + io.getMessage());
            return USER_ERROR;
        }
        cmd.getErr().println("atelier: internal error: " + ex + (verbose ? "" : " (run with --verbose for details)"));
        return INTERNAL_ERROR;
    }

    /** A library setting as this command line spells its flag: {@code jump_length} is {@code --jump-length}. */
    static String flag(String setting) {
        return "--" + setting.replace('_', '-');
    }

    /** ND4J and picocli wrap exceptions; a UserException anywhere in the chain is the user's. */
    private static Throwable userCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UserException) {
                return c;
            }
        }
        return null;
    }
}
