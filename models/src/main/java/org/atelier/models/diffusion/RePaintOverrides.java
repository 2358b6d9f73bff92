package org.atelier.models.diffusion;

import org.atelier.core.errors.InvalidSettingException;

/**
 * The RePaint settings a caller chose, each null for "the default" ({@link RePaintOptions}'s);
 * {@link #resolve} fills them in and checks the ranges against the model's T.
 *
 * @param steps      null: {@link RePaintOptions#DEFAULT_STEPS} (at most T)
 * @param jumpLength null: {@link RePaintOptions#DEFAULT_JUMP_LENGTH}
 * @param jumpCount  null: {@link RePaintOptions#DEFAULT_JUMP_COUNT}
 * @param eta        null: 1 (ancestral in the hole, as in the paper)
 * @param guidance   null: {@link SamplingOptions#DEFAULT_GUIDANCE} under a condition, else 1
 */
public record RePaintOverrides(Integer steps, Integer jumpLength, Integer jumpCount, Double eta, Double guidance) {
    /** Every setting at its default. */
    public static final RePaintOverrides NONE = new RePaintOverrides(null, null, null, null, null);

    /** Most times a jump point may be passed: beyond it a fill costs thousands of network calls. */
    public static final int MAX_JUMP_COUNT = 50;

    public boolean any() {
        return steps != null || jumpLength != null || jumpCount != null || eta != null || guidance != null;
    }

    /**
     * @param conditioned whether the fill is drawn under a condition (the guidance default applies)
     * @throws InvalidSettingException naming the first setting out of range
     */
    public RePaintOptions resolve(int timesteps, boolean conditioned) {
        int n = steps == null ? Math.min(RePaintOptions.DEFAULT_STEPS, timesteps) : steps;
        int j = jumpLength == null ? RePaintOptions.DEFAULT_JUMP_LENGTH : jumpLength;
        int r = jumpCount == null ? RePaintOptions.DEFAULT_JUMP_COUNT : jumpCount;
        if (n < 1 || n > timesteps) {
            throw new InvalidSettingException("steps", "must be in 1.." + timesteps + " (the model's timesteps), got " + n);
        }
        if (j < 1 || j >= Math.max(2, n)) {
            throw new InvalidSettingException("jump_length", "must be at least 1 and below the steps (" + n + "), got " + j);
        }
        if (r < 1 || r > MAX_JUMP_COUNT) {
            throw new InvalidSettingException("jump_count", "must be in 1.." + MAX_JUMP_COUNT + ", got " + r);
        }
        double e = eta == null ? RePaintOptions.DEFAULT_ETA : eta;
        double s = guidance != null ? guidance : conditioned ? SamplingOptions.DEFAULT_GUIDANCE : 1.0;
        SamplingOverrides.requireScale("eta", e);
        SamplingOverrides.requireScale("guidance", s);
        return new RePaintOptions(n, j, r, e, s, TimestepSpacing.LEADING, ClippedEpsilon.REDERIVE);
    }
}
