package org.atelier.training;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.atelier.core.io.Json;

/**
 * {@code events.jsonl}: one JSON object per line for what happened to a run besides its steps —
 * {@code event} (resume, interrupted, rollback, gave-up, completed, restarted, torn-metrics-line,
 * stale-temp-files), {@code step} (steps completed then), {@code time}, and the event's own fields.
 */
final class RunEvents {
    private RunEvents() {
    }

    /** @param step steps completed when it happened, or null where no step applies (before a run is opened) */
    static void append(RunDir dir, String kind, Long step, Map<String, Object> info) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", kind);
        if (step != null) {
            line.put("step", step);
        }
        line.put("time", Instant.now().toString());
        line.putAll(info);
        MetricsLog.appendLine(dir.events(), Json.line(line));
    }
}
