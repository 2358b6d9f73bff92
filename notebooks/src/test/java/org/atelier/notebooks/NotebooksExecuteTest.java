package org.atelier.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Executes every notebook in notebooks/ headless on the project's Java kernel, into copies under
 * target/executed/ (the committed notebooks are not touched), and fails if any cell fails. The
 * work is done by jupyter_java.py, the same script a person runs (execute.sh), so the test checks
 * what the README promises. Without Debian's Jupyter packages the test is skipped, saying so.
 */
class NotebooksExecuteTest {
    /** Debian's interpreter: the one the jupyter packages install their modules for. */
    private static final String PYTHON = "/usr/bin/python3";
    private static final Path MODULE = Path.of("").toAbsolutePath();
    /** Whole-run limit: six notebooks of a few minutes each, on a busy machine. */
    private static final long LIMIT_MINUTES = 45;

    @Test
    void everyNotebookRunsTopToBottom() throws Exception {
        requireJupyter();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assertEquals(0, run(List.of(PYTHON, "jupyter_java.py", "kernelspec", "--java", java), 2),
                "writing the kernelspec failed (output above)");
        Path out = MODULE.resolve("target").resolve("executed");
        assertEquals(0, run(List.of(PYTHON, "jupyter_java.py", "execute", "--out", out.toString()), LIMIT_MINUTES),
                "a notebook cell failed (output above); the executed copies are in " + out);
    }

    private static void requireJupyter() throws IOException, InterruptedException {
        boolean present = Files.isExecutable(Path.of(PYTHON))
                && run(List.of(PYTHON, "-c", "import nbclient, nbformat, jupyter_client"), 1) == 0;
        if (!present) {
            String why = "Jupyter is not installed (apt-get install jupyter-nbconvert jupyter-client python3-nbclient):"
                    + " the notebooks in notebooks/ were NOT executed";
            System.err.println("*** " + why);
            abort(why);
        }
    }

    /** Runs a command in this module's folder with its output passed through; its exit status. */
    private static int run(List<String> command, long minutes) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(MODULE.toFile()).inheritIO().start();
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " ran past " + minutes + " minutes");
        }
        return p.exitValue();
    }
}
