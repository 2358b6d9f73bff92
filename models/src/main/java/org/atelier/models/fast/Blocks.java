package org.atelier.models.fast;

/**
 * Per-thread scratch arrays for the loops that copy blocks of values out of native memory and work on
 * them in Java arrays ({@link BatchNormAct}, {@link LeakyRelu}): kept and reused, so a pass leaves no
 * garbage. Working in Java arrays rather than element by element through the native buffers (3–6 ns a
 * value, bench --profile) lets the JIT vectorise the loops.
 */
final class Blocks {
    /** Values per block: 32 KB of doubles, so three blocks stay in the core's L2 cache. */
    static final int VALUES = 4096;
    private static final ThreadLocal<double[][]> SLOTS = ThreadLocal.withInitial(() -> new double[3][]);

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
}
