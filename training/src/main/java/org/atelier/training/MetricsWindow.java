package org.atelier.training;

import java.util.LinkedHashMap;
import java.util.Map;
import org.atelier.training.checkpoint.CheckpointMeta;

/** Sums of the metrics of the steps since the last metrics.jsonl line. */
final class MetricsWindow {
    private final Map<String, Double> sums = new LinkedHashMap<>();
    private long count;
    private double seconds;

    void add(Map<String, Double> values, double stepSeconds) {
        values.forEach((k, v) -> sums.merge(k, v, Double::sum));
        count++;
        seconds += stepSeconds;
    }

    long count() {
        return count;
    }

    double seconds() {
        return seconds;
    }

    /** Means over the window, in the order the keys first appeared. */
    Map<String, Double> means() {
        Map<String, Double> out = new LinkedHashMap<>();
        sums.forEach((k, v) -> out.put(k, v / count));
        return out;
    }

    void reset() {
        sums.clear();
        count = 0;
        seconds = 0;
    }

    CheckpointMeta.Window save() {
        return new CheckpointMeta.Window(count, new LinkedHashMap<>(sums), seconds);
    }

    void restore(CheckpointMeta.Window w) {
        reset();
        if (w != null) {
            sums.putAll(w.sums());
            count = w.count();
            seconds = w.seconds();
        }
    }
}
