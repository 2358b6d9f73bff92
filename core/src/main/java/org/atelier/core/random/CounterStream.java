package org.atelier.core.random;

/**
 * Draws that Java and the PyTorch scripts compute alike without sharing a file: value i of
 * stream s is splitmix64(s·2³² + i) (Steele, Lea and Flood 2014, the finaliser of
 * {@link java.util.SplittableRandom}) reduced to its top 24 bits, a float64 in [0, 1) that
 * float32 holds exactly. {@code benchmarks/pytorch/bench.py} has the same function
 * ({@code uniform}). Counter-based, so any value is drawn without drawing the ones before it.
 */
public final class CounterStream {
    private CounterStream() {
    }

    /** Value {@code index} of {@code stream}, in [0, 1), a multiple of 2⁻²⁴. */
    public static double uniform(int stream, long index) {
        long z = ((long) stream << 32) + index + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 40) * 0x1.0p-24;
    }

    /**
     * A standard normal value by Box–Muller from value {@code index} of two streams:
     * √(−2 ln(1 − u₁))·cos(2π·u₂) (1 − u₁ is in (0, 1], so the logarithm is finite; the 24-bit
     * uniforms cap |z| at about 5.8).
     */
    public static double normal(int stream1, int stream2, long index) {
        double u1 = uniform(stream1, index);
        double u2 = uniform(stream2, index);
        return Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
