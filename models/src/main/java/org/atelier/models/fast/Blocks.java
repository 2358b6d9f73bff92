package org.atelier.models.fast;

/**
 * Per-thread scratch arrays for the loops that copy blocks of values out of native memory and work on
 * them in Java arrays: double slots for {@link BatchNormAct} and {@link LeakyRelu}, float slots for
 * {@link GroupNormAct}'s vectorised passes (0–2) and {@link Flat}'s bulk copies of float32 arrays
 * ({@link #FLAT_SLOT}). Kept and reused, so a pass leaves no garbage. Working in Java arrays rather than
 * element by element through the native buffers (3–6 ns a value, bench --profile) lets the JIT vectorise
 * the loops.
 */
final class Blocks {
    /** Values per block: 32 KB of doubles, so three blocks stay in the core's L2 cache. */
    static final int VALUES = 4096;
    /** The float slot {@link Flat} copies through, apart from the ones its callers hold. */
    static final int FLAT_SLOT = 3;
    private static final ThreadLocal<double[][]> SLOTS = ThreadLocal.withInitial(() -> new double[3][]);
    private static final ThreadLocal<float[][]> FLOAT_SLOTS = ThreadLocal.withInitial(() -> new float[4][0]);

    private Blocks() {
    }

    /** This thread's scratch array {@code slot} (0, 1 or 2), at least {@code len} long. */
    static double[] get(int slot, int len) {
        double[][] s = SLOTS.get();
        if (s[slot] == null || s[slot].length < len) {
            s[slot] = new double[Math.max(len, VALUES)];
        }
        return s[slot];
    }

    /** This thread's float scratch array {@code slot} (0–3), at least {@code len} long (contents stale). */
    static float[] floats(int slot, int len) {
        float[][] s = FLOAT_SLOTS.get();
        if (s[slot].length < len) {
            s[slot] = new float[len];
        }
        return s[slot];
    }
}
