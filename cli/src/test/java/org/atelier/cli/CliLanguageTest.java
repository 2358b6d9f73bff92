package org.atelier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Walks every command and holds it to the vocabulary of docs/cli.md: the same names for the same
 * things, {@code --json} where results are printed, {@code --seed} where randomness is drawn,
 * help that names only the command's own options, and exit 2 with a suggestion for a command
 * that does not exist.
 */
class CliLanguageTest {
    /** Spellings retired by docs/cli.md: they may live on only as hidden, deprecated aliases. */
    private static final Set<String> RETIRED = Set.of("--a", "--b", "--output", "--grid", "--plot", "--report", "--idx");

    /**
     * Commands that write artefacts and print only where they wrote them (or print JSON always):
     * no --json. Every other command prints results and must offer --json.
     */
    private static final Set<String> WRITERS = Set.of("atelier demo", "atelier compare", "atelier sweep", "atelier audit generator",
            "atelier train", "atelier export",
            "atelier inpaint", "atelier outpaint", "atelier vary", "atelier stylize", "atelier masks list",
            "atelier extractor train fmnist-v1", "atelier extractor train portraits-v1",
            "atelier extractor reference-stats", "atelier bench fid-files", "atelier bench fid-stream",
            "atelier metrics slices");

    /** Commands that draw random numbers: each takes --seed. */
    private static final Set<String> RANDOM = Set.of("atelier sample", "atelier inpaint", "atelier outpaint",
            "atelier vary", "atelier stylize", "atelier inpaint-eval", "atelier masks preview", "atelier datasets show",
            "atelier metrics distribution", "atelier metrics compare", "atelier metrics slices");

    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*");
    /** "atelier metrics fidelity --json" in a help text names another command's flag: allowed. */
    private static final Pattern OTHER_COMMAND_FLAG = Pattern.compile("atelier [a-z -]*?(--[a-z][a-z0-9-]*)");

    private static List<CommandLine> leaves(CommandLine c) {
        List<CommandLine> out = new ArrayList<>();
        if (c.getSubcommands().isEmpty()) {
            out.add(c);
        }
        for (CommandLine sub : new java.util.LinkedHashSet<>(c.getSubcommands().values())) {
            out.addAll(leaves(sub));
        }
        return out;
    }

    private static List<CommandLine> everyCommand() {
        return leaves(new CommandLine(new AtelierCommand()));
    }

    private static Set<String> names(CommandLine c) {
        Set<String> names = new TreeSet<>();
        for (OptionSpec o : c.getCommandSpec().options()) {
            names.addAll(List.of(o.names()));
        }
        return names;
    }

    @Test
    void retiredSpellingsSurviveOnlyAsHiddenAliases() {
        List<String> bad = new ArrayList<>();
        for (CommandLine c : everyCommand()) {
            for (OptionSpec o : c.getCommandSpec().options()) {
                for (String n : o.names()) {
                    if (RETIRED.contains(n) && !o.hidden()) {
                        bad.add(c.getCommandSpec().qualifiedName() + " " + n);
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void commandsThatPrintResultsTakeJsonAndRandomOnesTakeASeed() {
        List<String> noJson = new ArrayList<>();
        List<String> noSeed = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (CommandLine c : everyCommand()) {
            String name = c.getCommandSpec().qualifiedName();
            seen.add(name);
            if (!WRITERS.contains(name) && !names(c).contains("--json")) {
                noJson.add(name);
            }
            if (RANDOM.contains(name) && !names(c).contains("--seed")) {
                noSeed.add(name);
            }
        }
        assertEquals(List.of(), noJson, "commands printing results without --json");
        assertEquals(List.of(), noSeed, "commands drawing random numbers without --seed");
        // the lists name real commands: a renamed command must not slip out of the rule unnoticed
        for (String n : WRITERS) {
            assertTrue(seen.contains(n), n + " is not a command");
        }
        for (String n : RANDOM) {
            assertTrue(seen.contains(n), n + " is not a command");
        }
    }

    @Test
    void helpNamesOnlyTheCommandsOwnOptions() {
        List<String> bad = new ArrayList<>();
        for (CommandLine c : everyCommand()) {
            String help = c.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
            Set<String> own = names(c);
            own.add("--verbose"); // inherited from the top
            Set<String> elsewhere = new TreeSet<>();
            Matcher other = OTHER_COMMAND_FLAG.matcher(help);
            while (other.find()) {
                elsewhere.add(other.group(1));
            }
            Matcher m = FLAG.matcher(help);
            while (m.find()) {
                if (!own.contains(m.group()) && !elsewhere.contains(m.group())) {
                    bad.add(c.getCommandSpec().qualifiedName() + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), bad, "help texts naming options their command does not have");
    }

    @Test
    void everyCommandsHelpExitsZero() {
        for (CommandLine c : everyCommand()) {
            List<String> args = new ArrayList<>(List.of(c.getCommandSpec().qualifiedName().split(" ")));
            args.remove(0);
            args.add("--help");
            MainTest.Result r = MainTest.run(args.toArray(String[]::new));
            assertEquals(0, r.code(), String.join(" ", args) + "\n" + r.err());
        }
    }

    @Test
    void unknownCommandsExitTwoWithASuggestionEvenWithHelp() {
        for (Map.Entry<List<String>, String> e : Map.of(
                List.of("evaluate", "--help"), "'evaluate' is not an atelier command",
                List.of("sampel", "--n", "4"), "did you mean sample",
                List.of("metrics", "distributoin", "--help"), "did you mean distribution?").entrySet()) {
            MainTest.Result r = MainTest.run(e.getKey().toArray(String[]::new));
            assertEquals(2, r.code(), e.getKey() + "\n" + r.out() + r.err());
            assertTrue(r.err().contains(e.getValue()), r.err());
        }
    }

    @Test
    void oldSpellingsStillWorkWithAWarning() {
        MainTest.Result r = MainTest.run("schedule", "--steps", "10", "--plot", "/dev/null/x.png");
        assertTrue(r.err().contains("--plot is deprecated") && r.err().contains("use --out"), r.err());
    }

    @Test
    void theOldDataNameIsMappedHereAloneWithAWarning() {
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        try {
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals("fashion-mnist:test", OldSpellings.dataName("--reference", "fmnist-test"));
            assertEquals("portraits-32", OldSpellings.dataName("--reference", "portraits-32"));
        } finally {
            System.setErr(before);
        }
        List<String> warnings = err.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, warnings.size(), "one warning, for the old name only: " + warnings);
        assertTrue(warnings.get(0).contains("--reference fmnist-test is deprecated")
                && warnings.get(0).contains("use --reference fashion-mnist:test"), warnings.get(0));
    }
}
