package org.atelier.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Refuses a command name that does not exist before picocli sees the line. picocli honours
 * {@code --help} ahead of an unmatched word, so {@code atelier evaluate --help} would print the
 * top-level help and exit 0, as if {@code evaluate} were a command; a script relying on it would
 * find out only later. The suggestions are picocli's own ({@link CommandLine.UnmatchedArgumentException}).
 */
final class UnknownCommands {
    private UnknownCommands() {
    }

    /** The error line for the first unknown command word of {@code args}, or null when every word names a command. */
    static String check(CommandLine top, String[] args) {
        CommandLine current = top;
        for (String arg : args) {
            if (arg.startsWith("-")) {
                return null; // options from here on belong to the command found so far
            }
            Map<String, CommandLine> subs = current.getSubcommands();
            if (subs.isEmpty() || !current.getCommandSpec().positionalParameters().isEmpty()) {
                return null; // a leaf, or a command that takes positional arguments: picocli checks the rest
            }
            CommandLine next = subs.get(arg);
            if (next == null) {
                List<String> near = new CommandLine.UnmatchedArgumentException(current, List.of(arg)).getSuggestions();
                String where = current == top ? "atelier" : "atelier " + current.getCommandName();
                return "'" + arg + "' is not an " + where + " command"
                        + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?")
                        + " Run '" + where + " --help' for the list.";
            }
            current = next;
        }
        return null;
    }
}
