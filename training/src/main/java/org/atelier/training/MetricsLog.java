package org.atelier.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atelier.core.io.AtomicFiles;
import org.atelier.core.io.Json;

/**
 * {@code metrics.jsonl}: one JSON object per line — {@code step} (steps completed), the mean
 * of each loss and of each group's gradient norm ({@code grad_norm_<group>}) over the window,
 * {@code lr} at the window's last step, and the wall-clock fields {@code step_time_s} (mean
 * seconds per step) and {@code images_per_s}. Everything but the wall-clock fields is a
 * function of the config and seed: on CPU a resumed run's lines equal an uninterrupted run's
 * once those two fields are dropped ({@link #deterministicLines}).
 */
public final class MetricsLog {
    /** Fields that depend on the machine's speed and are left out of run-to-run comparisons. */
    public static final Set<String> WALL_CLOCK_FIELDS = Set.of("step_time_s", "images_per_s");
    private final Path file;

    public MetricsLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    void append(Map<String, Object> line) {
        appendLine(file, Json.line(line));
    }

    static void appendLine(Path file, String line) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Keeps only lines with {@code step <= step} (what a checkpoint at {@code step} has seen), atomically. */
    void truncateTo(long step) {
        if (!Files.exists(file)) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String line : readLines(file)) {
            if (parse(line).path("step").asLong() <= step) {
                kept.add(line);
            }
        }
        AtomicFiles.writeString(file, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
    }

    /** Every line of a metrics file as field name to number, in file order (for loss curves). */
    public static List<Map<String, Double>> read(Path file) {
        List<Map<String, Double>> out = new ArrayList<>();
        for (String line : readLines(file)) {
            Map<String, Double> row = new java.util.LinkedHashMap<>();
            parse(line).fields().forEachRemaining(e -> row.put(e.getKey(), e.getValue().asDouble()));
            out.add(row);
        }
        return out;
    }

    /** The lines of a metrics file with the wall-clock fields removed, for comparing runs. */
    public static List<String> deterministicLines(Path file) {
        List<String> out = new ArrayList<>();
        for (String line : readLines(file)) {
            ObjectNode node = (ObjectNode) parse(line);
            WALL_CLOCK_FIELDS.forEach(node::remove);
            out.add(node.toString());
        }
        return out;
    }

    static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON line: " + line, e);
        }
    }
}
