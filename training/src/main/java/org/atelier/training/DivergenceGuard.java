package org.atelier.training;

import java.util.LinkedHashMap;
import java.util.Map;
import org.atelier.training.config.GuardConfig;

/**
 * Decides whether a step diverged: any loss or gradient norm NaN/Inf, or (when
 * {@code spike_factor} > 0, after the warm-up) |loss| above spike_factor × its running average
 * of |loss| (decay 0.98). The averages are part of a checkpoint so a resumed run judges
 * steps exactly as an uninterrupted one.
 */
final class DivergenceGuard {
    private static final double DECAY = 0.98;
    private final GuardConfig cfg;
    private final Map<String, Double> averages = new LinkedHashMap<>();
    private long steps;

    DivergenceGuard(GuardConfig cfg) {
        this.cfg = cfg;
    }

    /** The reason the step is bad, or null when it is fine (then the averages take it in). */
    String check(Map<String, Double> losses, Map<String, Double> gradNorms) {
        for (Map.Entry<String, Double> e : losses.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                return e.getKey() + " is " + e.getValue();
            }
        }
        for (Map.Entry<String, Double> e : gradNorms.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                return "gradient norm of group " + e.getKey() + " is " + e.getValue();
            }
        }
        if (cfg.spikeFactor() > 0 && steps >= cfg.spikeWarmup()) {
            for (Map.Entry<String, Double> e : losses.entrySet()) {
                Double avg = averages.get(e.getKey());
                double v = Math.abs(e.getValue());
                if (avg != null && avg > 0 && v > cfg.spikeFactor() * avg) {
                    return String.format("%s spiked to %.4g, %.1f× its running average %.4g (spike_factor %.3g)",
                            e.getKey(), e.getValue(), v / avg, avg, cfg.spikeFactor());
                }
            }
        }
        for (Map.Entry<String, Double> e : losses.entrySet()) {
            double v = Math.abs(e.getValue());
            averages.merge(e.getKey(), v, (old, x) -> DECAY * old + (1 - DECAY) * x);
        }
        steps++;
        return null;
    }

    Map<String, Double> averages() {
        return new LinkedHashMap<>(averages);
    }

    long steps() {
        return steps;
    }

    void restore(Map<String, Double> saved, long savedSteps) {
        averages.clear();
        if (saved != null) {
            averages.putAll(saved);
        }
        steps = savedSteps;
    }
}
