package org.atelier.models.fast;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the fast engine's time goes, for {@code atelier bench --profile}: while enabled, every
 * layer call of this package (and the fast networks' own copies, such as the UNet's concatenation) adds
 * its wall time to a tally named by layer kind and direction
 * (e.g. {@code convolution forward}). Off, a call costs one volatile read. Process-wide, like the
 * SameDiff op listener it stands beside; not meant for concurrent profiled runs.
 */
public final class LayerClock {
    private static volatile boolean enabled;
    private static final Map<String, long[]> TALLIES = new LinkedHashMap<>();

    private LayerClock() {
    }

    public static synchronized void enable() {
        enabled = true;
    }

    public static synchronized void disable() {
        enabled = false;
        TALLIES.clear();
    }

    public static synchronized void reset() {
        TALLIES.clear();
    }

    /** Tally name → {calls, nanoseconds} since the last reset. */
    public static synchronized Map<String, long[]> snapshot() {
        Map<String, long[]> out = new LinkedHashMap<>();
        TALLIES.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    public static long start() {
        return enabled ? System.nanoTime() : 0;
    }

    public static void stop(String tally, long started) {
        if (enabled) {
            long dt = System.nanoTime() - started;
            synchronized (LayerClock.class) {
                long[] t = TALLIES.computeIfAbsent(tally, k -> new long[2]);
                t[0]++;
                t[1] += dt;
            }
        }
    }
}
