package org.atelier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes and one-line error messages. */
class MainTest {
    @TempDir
    Path dir;

    /** Runs the CLI capturing stderr; returns exit code and the text. */
    static Result run(String... args) {
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
    }

    record Result(int code, String out, String err) {
    }

    @Test
    void helpListsTheCommands() {
        Result r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("info") && r.out().contains("masks"), r.out());
    }

    @Test
    void everyCommandExplainsItselfWithoutFormatWarnings() {
        java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>();
        todo.add(new picocli.CommandLine(new AtelierCommand()));
        int seen = 0;
        while (!todo.isEmpty()) {
            picocli.CommandLine c = todo.pop();
            todo.addAll(c.getSubcommands().values());
            java.util.List<String> path = new java.util.ArrayList<>();
            for (picocli.CommandLine p = c; p.getParent() != null; p = p.getParent()) {
                path.add(0, p.getCommandName());
            }
            path.add("--help");
            Result r = run(path.toArray(String[]::new));
            assertEquals(0, r.code(), String.join(" ", path));
            assertTrue(r.out().contains("Usage:"), r.out());
            assertTrue(!r.err().contains("WARN"), String.join(" ", path) + ": " + r.err());
            seen++;
        }
        assertTrue(seen >= 8, "walked " + seen + " commands");
    }

    @Test
    void unknownCommandIsAUserError() {
        assertEquals(2, run("frobnicate").code());
    }

    @Test
    void unknownMaskKindIsOneLineNamingTheKnownKinds() {
        Result r = run("masks", "preview", "--kind", "bogus", "--out", dir.resolve("m.png").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("atelier: error: unknown mask kind 'bogus'"), r.err());
        assertTrue(r.err().contains("thick"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "no stack trace without --verbose: " + r.err());
    }

    @Test
    void maskPreviewWritesAPng() throws Exception {
        Path out = dir.resolve("masks.png");
        Result r = run("masks", "preview", "--kind", "thick", "--n", "4", "--size", "32", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(out) > 100);
    }

    @Test
    void infoReportsTheCpuBackend() {
        Result r = run("info", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"backend\" : \"CPU\""), r.out());
    }
}
