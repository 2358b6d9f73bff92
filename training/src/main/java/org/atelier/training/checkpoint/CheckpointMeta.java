package org.atelier.training.checkpoint;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * The JSON part of a checkpoint ({@code checkpoint.json} inside the file).
 *
 * @param format            file format version ({@link CheckpointFiles#FORMAT})
 * @param step              steps completed; training continues with zero-based step {@code step}
 * @param lrScale           product of the divergence guard's lr cuts so far (1 when none)
 * @param rollbacks         rollbacks so far
 * @param rng               random state (counter-based: the run seed and the next step define every draw)
 * @param optimizerUpdates  parameter group to number of optimiser updates applied (Adam's t)
 * @param window            sums of the metrics window not yet written to metrics.jsonl
 * @param guardAverages     running average of |loss| per loss, for spike detection
 * @param guardSteps        steps the averages have seen
 * @param entries           array entry name to SHA-256 of its bytes, checked on load
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CheckpointMeta(int format, long step, double lrScale, int rollbacks, RngState rng,
                             Map<String, Long> optimizerUpdates, Window window, Map<String, Double> guardAverages,
                             long guardSteps, Map<String, String> entries) {

    /**
     * The loop's random state. Every draw of step s comes from generators seeded by
     * {@code Seeds.derive(runSeed, "step/" + s)} (noise, masks), {@code "nd4j/" + s} (ND4J's
     * global generator, reseeded before each step) and {@code "epoch/" + e} (batch order), so
     * (runSeed, nextStep) is the whole state of both ND4J's generator and the batch sampler.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RngState(String scheme, long runSeed, long nextStep) {
    }

    /** A partly filled metrics window: count of steps and the running sums of each metric. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Window(long count, Map<String, Double> sums, double seconds) {
    }

    public CheckpointMeta withEntries(Map<String, String> e) {
        return new CheckpointMeta(format, step, lrScale, rollbacks, rng, optimizerUpdates, window, guardAverages,
                guardSteps, e);
    }
}
