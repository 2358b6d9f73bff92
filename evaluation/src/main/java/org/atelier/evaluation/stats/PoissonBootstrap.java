package org.atelier.evaluation.stats;

import java.util.SplittableRandom;
import org.atelier.core.random.Seeds;

/**
 * The Poisson bootstrap: instead of drawing n rows with replacement (a multinomial that needs
 * every row in one place), each row gets an independent Poisson(1) weight per replicate — how
 * many times it appears in that replicate. The weights depend only on the run's seed and the
 * row's index, so rows can be weighted wherever they are (a Spark partition, a file read in one
 * pass) and replicate sums merged by adding, with no shuffle; the result is the same whatever
 * the partitioning. Exact in distribution as n grows (Hanley &amp; MacGibbon 2006; Chamandy et
 * al. 2012, "Estimating uncertainty for massive data streams"); replicates differ from
 * {@link Bootstrap}'s multinomial ones draw for draw.
 */
public final class PoissonBootstrap {
    private static final double EXP_MINUS_ONE = Math.exp(-1);

    private PoissonBootstrap() {
    }

    /**
     * Poisson(1) weights of one row, one per replicate.
     *
     * @param seed the run's seed
     * @param row  the row's index in the input (0-based), the same however the input is split
     */
    public static int[] weights(long seed, long row, int resamples) {
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "poisson-bootstrap") ^ (row * 0x9E3779B97F4A7C15L));
        int[] w = new int[resamples];
        for (int r = 0; r < resamples; r++) {
            w[r] = poissonOne(rng.nextDouble());
        }
        return w;
    }

    /**
     * Inverts the Poisson(1) distribution function at {@code u} in [0, 1). Written by hand: Commons
     * Math's sampler draws from its own generator type, and one uniform per weight keeps the
     * stream of a row's weights simple to reproduce.
     */
    static int poissonOne(double u) {
        int k = 0;
        double p = EXP_MINUS_ONE;
        double cdf = p;
        while (u >= cdf && k < 100) {
            k++;
            p /= k;
            cdf += p;
        }
        return k;
    }
}
