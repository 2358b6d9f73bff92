package org.atelier.evaluation.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.io.Json;

/**
 * A report page as a browser shows it: Debian's Chromium, headless, loads the page and says how
 * many images it holds and which did not load, and can take a screenshot. Reports are checked
 * this way because a page whose HTML is well-formed can still show broken images (a wrong
 * relative path, a file not written) that no parser notices.
 *
 * <p>The check loads the page in an iframe of a small probe page written beside it (same folder,
 * so same origin under {@code --allow-file-access-from-files}), lets the page load within a
 * virtual-time budget, and reads the probe's verdict from the DOM Chromium dumps.
 */
public final class HeadlessBrowser {
    /** Where Debian's chromium package puts the browser. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String PROBE = "browser-check.html";
    private static final Pattern VERDICT = Pattern.compile("CHECKED (\\d+) BROKEN (\\[[^<]*?\\])");
    private static final long TIMEOUT_S = 120;

    private HeadlessBrowser() {
    }

    /**
     * @param images every {@code img} of the page
     * @param broken the {@code src} of each image that did not load
     */
    public record Check(int images, List<String> broken) {
        public boolean ok() {
            return broken.isEmpty();
        }
    }

    public static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    /** Loads {@code page} and lists its images that did not load. */
    public static Check check(Path page) {
        Path dir = page.toAbsolutePath().getParent();
        Path probe = dir.resolve(PROBE);
        try {
            Files.writeString(probe, probePage(page.getFileName().toString()), StandardCharsets.UTF_8);
            String dom = run(List.of("--allow-file-access-from-files", "--virtual-time-budget=10000", "--dump-dom",
                    probe.toUri().toString()), dir);
            Matcher m = VERDICT.matcher(dom);
            if (!m.find()) {
                throw new IllegalStateException("Chromium did not finish loading " + page + " (no verdict in the DOM)");
            }
            List<String> broken = new ArrayList<>();
            for (var node : Json.mapper().readTree(m.group(2))) {
                broken.add(node.asText());
            }
            return new Check(Integer.parseInt(m.group(1)), List.copyOf(broken));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // the probe is a scratch file; a leftover one is harmless
            }
        }
    }

    /** A PNG screenshot of {@code page} at {@code width × height} pixels. */
    public static void screenshot(Path page, Path png, int width, int height) {
        run(List.of("--virtual-time-budget=10000", "--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(), page.toAbsolutePath().toUri().toString()), png.toAbsolutePath().getParent());
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("Chromium wrote no screenshot of " + page);
        }
    }

    private static String probePage(String target) {
        return "<!DOCTYPE html><html><body><pre id=\"out\">PENDING</pre><iframe id=\"f\" src=\""
                + target.replace("\"", "%22") + "\"></iframe><script>\n"
                + "document.getElementById('f').onload = function () {\n"
                + "  var imgs = this.contentDocument.images, bad = [];\n"
                + "  for (var i = 0; i < imgs.length; i++) {\n"
                + "    if (!imgs[i].complete || imgs[i].naturalWidth === 0) { bad.push(imgs[i].getAttribute('src')); }\n"
                + "  }\n"
                + "  document.getElementById('out').textContent = 'CHECKED ' + imgs.length + ' BROKEN ' + JSON.stringify(bad);\n"
                + "};\n</script></body></html>\n";
    }

    /** Runs Chromium headless with a fresh profile, the flags this machine's closed network needs; returns stdout. */
    private static String run(List<String> args, Path workDir) {
        if (!available()) {
            throw new InvalidInputException(CHROMIUM + " not found: install Debian's chromium package "
                    + "(apt-get install chromium) to check reports in a browser");
        }
        Path profile = null;
        try {
            profile = Files.createTempDirectory("atelier-chromium");
            List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + profile));
            cmd.addAll(args);
            Path stdout = profile.resolve("stdout.txt");
            // stdout to a file, not a pipe: a hung browser must not block the reader past the timeout
            Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(stdout.toFile()).start();
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Chromium did not finish within " + TIMEOUT_S + " s");
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Chromium ran", e);
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
