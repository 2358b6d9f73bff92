package org.atelier.evaluation.distribution;

import java.util.SplittableRandom;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.random.Seeds;
import org.atelier.evaluation.stats.Bootstrap;

/**
 * KID of a generated set against a fixed real set with a percentile-bootstrap interval over the
 * generated samples, for sets small enough to hold their kernel matrices (an audit slice: tens to
 * hundreds of samples).
 *
 * <p>The value is {@link KernelInceptionDistance} as published (mean of the unbiased MMD² over
 * random subsets, each of the smaller set's size). The interval resamples the generated rows with
 * replacement and recomputes the unbiased MMD² of the whole sets with KID's kernel. A plain
 * recomputation on the resampled rows would count a row drawn twice as a pair of distinct samples,
 * whose kernel value k(x, x) sits far above k(x, y), and so shift every replicate upwards; here a
 * replicate weights each original row by how often it was drawn and averages the within-set kernel
 * over pairs of <em>different</em> original rows only, Σ_{i≠j} w_i w_j k_ij / Σ_{i≠j} w_i w_j,
 * which leaves every replicate an unbiased estimate again. The real set stays fixed, as the
 * reference statistics of {@link FidBootstrap} do.
 */
public final class KidBootstrap {
    private KidBootstrap() {
    }

    /**
     * @param kid          KID as {@link KernelInceptionDistance#compute} reports it
     * @param wholeSets    the unbiased MMD² of the whole sets, the statistic the replicates resample
     * @param interval     percentile interval of the replicates
     * @param replicates   the replicates, in draw order (paired with another slice's, they give
     *                     intervals of differences)
     */
    public record Result(KernelInceptionDistance.Result kid, double wholeSets, Bootstrap.Interval interval,
                         double[] replicates) {
    }

    /**
     * @param generated rows of generated features, at least 2
     * @param real      rows of real features, at least 2, same dimension
     * @param subsets   KID's subsets for the point value
     * @param resamples bootstrap replicates (at least 20)
     * @param level     e.g. 0.95
     * @param seed      seed of the subsets and the resampling
     */
    public static Result compute(float[][] generated, float[][] real, int subsets, int resamples, double level, long seed) {
        if (generated.length < 2 || real.length < 2) {
            throw new InvalidInputException("KID needs at least 2 samples per set, got " + generated.length + " generated and "
                    + real.length + " real");
        }
        if (resamples < 20) {
            throw new IllegalArgumentException("a KID interval needs at least 20 resamples, got " + resamples);
        }
        int d = generated[0].length;
        if (real[0].length != d) {
            throw new InvalidInputException("feature dimensions differ: " + d + " vs " + real[0].length);
        }
        KernelInceptionDistance.Result kid = KernelInceptionDistance.compute(generated, real, subsets,
                Math.min(generated.length, real.length), new SplittableRandom(seed));
        int n = generated.length;
        double[] gg = kernel(DotBlocks.dots(DotBlocks.range(generated, 0, n), DotBlocks.range(generated, 0, n)), d);
        double[] gr = kernel(DotBlocks.dots(DotBlocks.range(generated, 0, n), DotBlocks.range(real, 0, real.length)), d);
        double[] rr = kernel(DotBlocks.dots(DotBlocks.range(real, 0, real.length), DotBlocks.range(real, 0, real.length)), d);
        double realTerm = offDiagonalMean(rr, real.length);
        // row means of the cross kernel: a replicate's cross term is their weighted mean
        double[] crossRow = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < real.length; j++) {
                s += gr[i * real.length + j];
            }
            crossRow[i] = s / real.length;
        }
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        double whole = mmd2(gg, crossRow, realTerm, ones);
        double[] weights = new double[n];
        double[] reps = Bootstrap.replicates(n, resamples, Seeds.derive(seed, "kid-bootstrap"), idx -> {
            java.util.Arrays.fill(weights, 0);
            for (int i : idx) {
                weights[i]++;
            }
            return mmd2(gg, crossRow, realTerm, weights);
        });
        double[] defined = java.util.Arrays.stream(reps).filter(Double::isFinite).toArray();
        return new Result(kid, whole, Bootstrap.percentile(defined, level), reps);
    }

    /** The unbiased MMD² with generated rows weighted by {@code w}: pairs of one row with itself left out. */
    private static double mmd2(double[] gg, double[] crossRow, double realTerm, double[] w) {
        int n = w.length;
        double within = 0;
        double sumW = 0;
        double sumW2 = 0;
        double cross = 0;
        for (int i = 0; i < n; i++) {
            if (w[i] == 0) {
                continue;
            }
            sumW += w[i];
            sumW2 += w[i] * w[i];
            cross += w[i] * crossRow[i];
            for (int j = 0; j < n; j++) {
                if (j != i && w[j] != 0) {
                    within += w[i] * w[j] * gg[i * n + j];
                }
            }
        }
        double pairs = sumW * sumW - sumW2;
        // a replicate that drew one row only has no pair of different rows: its within-set term is undefined
        return pairs == 0 ? Double.NaN : within / pairs + realTerm - 2 * cross / sumW;
    }

    private static double offDiagonalMean(double[] k, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    s += k[i * n + j];
                }
            }
        }
        return s / ((double) n * (n - 1));
    }

    private static double[] kernel(double[] dots, int d) {
        double[] out = new double[dots.length];
        for (int i = 0; i < dots.length; i++) {
            out[i] = KernelInceptionDistance.kernel(dots[i], d);
        }
        return out;
    }
}
