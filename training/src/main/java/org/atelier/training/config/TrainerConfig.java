package org.atelier.training.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code trainer:} — everything the loop owns.
 *
 * @param steps           optimisation steps (> 0)
 * @param batchSize       samples per batch (> 0); a family may take several batches a step
 * @param optimizer       one optimiser setting for every parameter group
 * @param schedule        lr schedule (default constant)
 * @param clipNorm        clip each group's gradient to this global L2 norm; 0 = off
 * @param emaDecay        EMA decay d in [0, 1) (default 0.999); the loop uses min(d, (1 + s)/(10 + s)); 0 = off
 * @param checkpointEvery steps between checkpoints (> 0)
 * @param keepCheckpoints how many of the newest checkpoints to keep (≥ 1)
 * @param logEvery        steps per metrics.jsonl line; each line averages its window (> 0)
 * @param sampleEvery     steps between sample grids in samples/; 0 = only at the end
 * @param sampleCount     images in a sample grid (> 0)
 * @param guard           divergence guard (default: NaN/Inf only, 3 rollbacks, lr × 0.5)
 * @param collectGarbage  run the JVM's collector after every step (default true; every
 *                        {@code Trainable.stepsPerCollection()} steps, 20 on the fast engine
 *                        (UNets and DCGAN), whose steps reuse their arrays): ND4J frees a step's off-heap
 *                        arrays only when their Java handles are collected, so without it each
 *                        step writes into fresh, page-faulting memory and the resident set grows
 *                        to JavaCPP's cap (SameDiff UNet-28 step: 1.93 s and 10.3 GB without,
 *                        1.09 s and 5.5 GB with, `atelier bench --gc-per-run`)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrainerConfig(Long steps, Integer batchSize, OptimizerConfig optimizer, ScheduleConfig schedule,
                            Double clipNorm, Double emaDecay, Long checkpointEvery, Integer keepCheckpoints,
                            Long logEvery, Long sampleEvery, Integer sampleCount, GuardConfig guard,
                            Boolean collectGarbage) {
    public TrainerConfig {
        if (steps == null || batchSize == null || checkpointEvery == null) {
            throw new IllegalArgumentException("steps, batch_size and checkpoint_every are required");
        }
        clipNorm = clipNorm == null ? 0.0 : clipNorm;
        emaDecay = emaDecay == null ? 0.999 : emaDecay;
        keepCheckpoints = keepCheckpoints == null ? 3 : keepCheckpoints;
        logEvery = logEvery == null ? 10L : logEvery;
        sampleEvery = sampleEvery == null ? 0L : sampleEvery;
        sampleCount = sampleCount == null ? 64 : sampleCount;
        if (steps <= 0) {
            throw new IllegalArgumentException("steps must be > 0, got " + steps);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch_size must be > 0, got " + batchSize);
        }
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer is required");
        }
        schedule = schedule == null ? ScheduleConfig.CONSTANT : schedule;
        guard = guard == null ? GuardConfig.DEFAULT : guard;
        collectGarbage = collectGarbage == null || collectGarbage;
        if (clipNorm < 0) {
            throw new IllegalArgumentException("clip_norm must be >= 0, got " + clipNorm);
        }
        if (emaDecay < 0 || emaDecay >= 1) {
            throw new IllegalArgumentException("ema_decay must be in [0, 1), got " + emaDecay);
        }
        if (checkpointEvery <= 0) {
            throw new IllegalArgumentException("checkpoint_every must be > 0, got " + checkpointEvery);
        }
        keepCheckpoints = keepCheckpoints <= 0 ? 3 : keepCheckpoints;
        logEvery = logEvery <= 0 ? 10 : logEvery;
        sampleCount = sampleCount <= 0 ? 64 : sampleCount;
        if (sampleEvery < 0) {
            throw new IllegalArgumentException("sample_every must be >= 0, got " + sampleEvery);
        }
    }
}
