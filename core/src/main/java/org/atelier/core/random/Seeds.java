package org.atelier.core.random;

import java.util.SplittableRandom;

/**
 * Derives independent, reproducible seeds from the run's seed and a purpose name, so that
 * adding a new random consumer does not shift the numbers every other consumer draws.
 */
public final class Seeds {
    private Seeds() {
    }

    public static long derive(long runSeed, String purpose) {
        long h = 1125899906842597L;
        for (int i = 0; i < purpose.length(); i++) {
            h = 31 * h + purpose.charAt(i);
        }
        return new SplittableRandom(runSeed ^ h).nextLong();
    }
}
