package org.atelier.training.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code trainer.guard}: the divergence guard. A NaN/Inf loss or gradient norm always trips
 * it; a loss whose magnitude exceeds {@code spikeFactor} times its running average (decay
 * 0.98, after {@code spikeWarmup} steps) trips it when spikeFactor > 0. Tripping rolls back
 * to the last checkpoint and multiplies the lr by {@code lrFactor}; after
 * {@code maxRollbacks} rollbacks the run stops with an error.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GuardConfig(Double spikeFactor, Long spikeWarmup, Double lrFactor, Integer maxRollbacks) {
    public static final GuardConfig DEFAULT = new GuardConfig(null, null, null, null);

    public GuardConfig {
        lrFactor = lrFactor == null ? 0.5 : lrFactor;
        maxRollbacks = maxRollbacks == null ? 3 : maxRollbacks;
        spikeFactor = spikeFactor == null ? 0.0 : spikeFactor;
        spikeWarmup = spikeWarmup == null || spikeWarmup <= 0 ? 50L : spikeWarmup;
        if (spikeFactor < 0 || (spikeFactor > 0 && spikeFactor <= 1)) {
            throw new IllegalArgumentException("spike_factor must be 0 (off) or > 1, got " + spikeFactor);
        }
        if (!(lrFactor > 0 && lrFactor < 1)) {
            throw new IllegalArgumentException("lr_factor must be in (0, 1), got " + lrFactor);
        }
        if (maxRollbacks < 0) {
            throw new IllegalArgumentException("max_rollbacks must be >= 0, got " + maxRollbacks);
        }
    }
}
