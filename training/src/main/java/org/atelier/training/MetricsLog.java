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
import java.util.Optional;
import java.util.Set;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.io.AtomicFiles;
import org.atelier.core.io.Json;

/**
 * {@code metrics.jsonl}: one JSON object per line — {@code step} (steps completed), the mean
 * of each loss and of each group's gradient norm ({@code grad_norm_<group>}) over the window,
 * {@code lr} at the window's last step, and the wall-clock fields {@code step_time_s} (mean
 * seconds per step) and {@code images_per_s}. Everything but the wall-clock fields is a
 * function of the config and seed: on CPU a resumed run's lines equal an uninterrupted run's
 * once those two fields are dropped ({@link #deterministicLines}).
 *
 * <p>The file is only ever appended to, a line at a time, so the one damage a crash or a full
 * disk can do is a torn last line. Readers skip it; a resume drops it ({@link #truncateTo}) and
 * the trainer notes that in {@code events.jsonl}. A line that is not JSON anywhere else is a
 * {@link CorruptFileException} naming the file and the line.
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

    /**
     * Keeps only lines with {@code step <= step} (what a checkpoint at {@code step} has seen), atomically,
     * and drops a torn last line.
     *
     * @return the torn last line that was dropped, if there was one
     */
    Optional<String> truncateTo(long step) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Parsed p = parse(file);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < p.nodes().size(); i++) {
            if (p.nodes().get(i).path("step").asLong() <= step) {
                kept.add(p.lines().get(i));
            }
        }
        AtomicFiles.writeString(file, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
        return p.tornTail();
    }

    /** Every line of a metrics file as field name to number, in file order (for loss curves). */
    public static List<Map<String, Double>> read(Path file) {
        List<Map<String, Double>> out = new ArrayList<>();
        for (JsonNode node : parse(file).nodes()) {
            Map<String, Double> row = new java.util.LinkedHashMap<>();
            node.fields().forEachRemaining(e -> row.put(e.getKey(), e.getValue().asDouble()));
            out.add(row);
        }
        return out;
    }

    /** The lines of a metrics file with the wall-clock fields removed, for comparing runs. */
    public static List<String> deterministicLines(Path file) {
        List<String> out = new ArrayList<>();
        for (JsonNode node : parse(file).nodes()) {
            ObjectNode copy = ((ObjectNode) node).deepCopy();
            WALL_CLOCK_FIELDS.forEach(copy::remove);
            out.add(copy.toString());
        }
        return out;
    }

    /** The complete lines of a metrics file (a torn last line left out). */
    static List<String> readLines(Path file) {
        return parse(file).lines();
    }

    /** Complete lines, their JSON objects, and the torn last line if any. */
    private record Parsed(List<String> lines, List<JsonNode> nodes, Optional<String> tornTail) {
    }

    private static Parsed parse(Path file) {
        List<String> raw;
        try {
            raw = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
        int last = raw.size() - 1;
        while (last >= 0 && raw.get(last).isBlank()) {
            last--;
        }
        List<String> lines = new ArrayList<>();
        List<JsonNode> nodes = new ArrayList<>();
        Optional<String> torn = Optional.empty();
        for (int i = 0; i <= last; i++) {
            String line = raw.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = object(line);
            if (node == null && i == last) {
                torn = Optional.of(line);
            } else if (node == null) {
                throw new CorruptFileException(file, "line " + (i + 1) + " is not a JSON object ('"
                        + abbreviate(line) + "'); only the last line of an append-only log can be torn by a crash — "
                        + "remove the line, or restore the file");
            } else {
                lines.add(line);
                nodes.add(node);
            }
        }
        return new Parsed(lines, nodes, torn);
    }

    private static JsonNode object(String line) {
        try {
            JsonNode n = Json.mapper().readTree(line);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
