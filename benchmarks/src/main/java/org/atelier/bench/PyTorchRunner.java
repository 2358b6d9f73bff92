package org.atelier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.io.Json;

/**
 * The PyTorch side of {@code atelier bench --vs-pytorch}: one long-lived
 * {@code python3 benchmarks/pytorch/bench.py --serve} process, started once, so interpreter and
 * {@code import torch} start-up never enter a timing. Each command is one JSON line on its stdin
 * and each answer one JSON line on its stdout; {@code run} is timed inside Python
 * ({@code time.perf_counter} around the case), so the pipe is not timed either. Its stderr goes
 * to ours.
 */
final class PyTorchRunner implements AutoCloseable {
    /** Debian's interpreter, which the python3-torch package installs into. */
    static final Path DEFAULT_PYTHON = Path.of("/usr/bin/python3");
    static final String INSTALL_HINT = "install Debian's python3-torch (apt-get install python3-torch)";

    private final Process process;
    private final BufferedWriter in;
    private final BufferedReader out;
    private Map<String, Object> hello = Map.of();

    private PyTorchRunner(Process process, BufferedWriter in, BufferedReader out) {
        this.process = process;
        this.in = in;
        this.out = out;
    }

    /**
     * Checks that {@code python} can import torch, then starts the script in serve mode with
     * {@code threads} torch threads.
     *
     * @throws InvalidInputException when the interpreter or the script is missing or torch cannot be imported
     */
    static PyTorchRunner start(Path python, Path script, int threads) {
        checkTorch(python);
        if (!Files.isRegularFile(script)) {
            throw new InvalidInputException(script + " not found: the PyTorch reference script belongs to the "
                    + "repository (run from its root, or through ./atelier)");
        }
        ProcessBuilder pb = new ProcessBuilder(python.toString(), script.toString(), "--serve",
                "--threads", Integer.toString(threads));
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process p = pb.start();
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8));
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            PyTorchRunner runner = new PyTorchRunner(p, w, r);
            try {
                runner.hello = runner.call(Map.of("op", "hello"));
            } catch (RuntimeException e) {
                p.destroyForcibly();
                throw e;
            }
            return runner;
        } catch (IOException e) {
            throw new InvalidInputException("cannot start " + python + " " + script + ": " + e.getMessage());
        }
    }

    /**
     * Runs {@code python -c "import torch"}; on failure the message names the interpreter, what
     * it said and the package to install.
     */
    static void checkTorch(Path python) {
        if (!Files.isExecutable(python)) {
            throw new InvalidInputException(python + " not found or not executable; --vs-pytorch needs Python 3 with "
                    + "torch: " + INSTALL_HINT);
        }
        ProcessBuilder pb = new ProcessBuilder(python.toString(), "-c", "import torch");
        pb.redirectErrorStream(true);
        try {
            Process p = pb.start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new InvalidInputException(python + " did not finish 'import torch' within 120 s");
            }
            if (p.exitValue() != 0) {
                String last = said.isEmpty() ? "exit status " + p.exitValue() : said.substring(said.lastIndexOf('\n') + 1);
                throw new InvalidInputException(python + " cannot import torch (" + last + "); " + INSTALL_HINT);
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot run " + python + ": " + e.getMessage() + "; " + INSTALL_HINT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking torch", e);
        }
    }

    /** The answer to {@code hello}: torch version, threads, machine. */
    Map<String, Object> hello() {
        return hello;
    }

    /** Builds a case in the Python process; answers its {@code params} and {@code forward_macs} for models. */
    Map<String, Object> prepare(String caseId, boolean quick) {
        Map<String, Object> cmd = new LinkedHashMap<>();
        cmd.put("op", "prepare");
        cmd.put("case", caseId);
        cmd.put("quick", quick);
        return call(cmd);
    }

    /** Times one run of the prepared case; the answer holds {@code seconds}, {@code peak_rss_mb} and any {@code value}. */
    Map<String, Object> run() {
        return call(Map.of("op", "run"));
    }

    void release() {
        call(Map.of("op", "release"));
    }

    private Map<String, Object> call(Map<String, Object> command) {
        try {
            in.write(Json.line(command));
            in.newLine();
            in.flush();
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("the PyTorch process ended (exit status "
                        + (process.isAlive() ? "?" : process.exitValue()) + "); see its messages above");
            }
            JsonNode node = Json.mapper().readTree(line);
            if (!node.path("ok").asBoolean(false)) {
                throw new IllegalStateException("PyTorch side failed on " + command.get("op") + ": "
                        + node.path("error").asText(line));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = Json.mapper().convertValue(node, LinkedHashMap.class);
            m.remove("ok");
            return m;
        } catch (IOException e) {
            throw new IllegalStateException("lost the PyTorch process: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                call(Map.of("op", "quit"));
            }
        } catch (RuntimeException e) {
            // already gone: nothing to say goodbye to
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
