package org.atelier.training.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code trainer.schedule}.
 *
 * @param kind        constant, linear-warmup or cosine
 * @param warmupSteps steps of linear warm-up (≥ 0; linear-warmup needs ≥ 1)
 * @param minLrRatio  cosine: the factor reached at the last step, in [0, 1]
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ScheduleConfig(ScheduleKind kind, Long warmupSteps, Double minLrRatio) {
    public static final ScheduleConfig CONSTANT = new ScheduleConfig(ScheduleKind.CONSTANT, 0L, 0.0);

    public ScheduleConfig {
        if (kind == null) {
            kind = ScheduleKind.CONSTANT;
        }
        warmupSteps = warmupSteps == null ? 0L : warmupSteps;
        minLrRatio = minLrRatio == null ? 0.0 : minLrRatio;
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warmup_steps must be >= 0, got " + warmupSteps);
        }
        if (kind == ScheduleKind.LINEAR_WARMUP && warmupSteps == 0) {
            throw new IllegalArgumentException("linear-warmup needs warmup_steps >= 1");
        }
        if (minLrRatio < 0 || minLrRatio > 1) {
            throw new IllegalArgumentException("min_lr_ratio must be in [0, 1], got " + minLrRatio);
        }
    }

    /** The factor multiplying the base lr at zero-based {@code step} of {@code total}. */
    public double factor(long step, long total) {
        double warm = warmupSteps > 0 && step < warmupSteps ? (step + 1) / (double) warmupSteps : 1.0;
        return switch (kind) {
            case CONSTANT -> 1.0;
            case LINEAR_WARMUP -> warm;
            case COSINE -> {
                if (step < warmupSteps) {
                    yield warm;
                }
                long span = Math.max(1, total - warmupSteps - 1);
                double t = Math.min(1.0, (step - warmupSteps) / (double) span);
                yield minLrRatio + (1 - minLrRatio) * 0.5 * (1 + Math.cos(Math.PI * t));
            }
        };
    }
}
