package org.atelier.evaluation.distribution;

import java.util.Arrays;
import org.atelier.core.errors.InvalidInputException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Precision, recall, density and coverage of a generated (fake) set against a real one
 * (Naeem et al. 2020, "Reliable Fidelity and Diversity Metrics for Generative Models"; recall
 * and precision after Kynkäänniemi et al. 2019), with Euclidean k-NN balls in feature space:
 *
 * <ul>
 *   <li>r(xᵢ) — distance from real xᵢ to its k-th nearest other real sample (itself excluded);
 *       s(yⱼ) likewise within the fake set;</li>
 *   <li>precision = share of fakes inside at least one real ball, d(yⱼ, xᵢ) &lt; r(xᵢ);</li>
 *   <li>recall = share of reals inside at least one fake ball, d(xᵢ, yⱼ) &lt; s(yⱼ);</li>
 *   <li>density = (1 / kM) Σⱼ Σᵢ 1[d(yⱼ, xᵢ) &lt; r(xᵢ)] (can exceed 1);</li>
 *   <li>coverage = share of reals whose nearest fake lies inside their ball.</li>
 * </ul>
 * Comparisons are strict, as in the authors' reference code. Distances come from blocked
 * dgemm (‖x‖² + ‖y‖² − 2xᵀy, clamped at 0), so memory stays O(block²) while time is O(N²d).
 */
public final class PrecisionRecallDensityCoverage {
    public static final int DEFAULT_K = 3;

    private PrecisionRecallDensityCoverage() {
    }

    public record Result(double precision, double recall, double density, double coverage, int k)
            implements java.io.Serializable {
    }

    public static Result compute(float[][] real, float[][] fake, int k) {
        if (k < 1) {
            throw new InvalidInputException("--k must be at least 1, got " + k);
        }
        if (real.length <= k || fake.length <= k) {
            throw new InvalidInputException("precision/recall/density/coverage with k=" + k + " need more than " + k
                    + " samples per set, got n_real=" + real.length + ", n_fake=" + fake.length);
        }
        if (real[0].length != fake[0].length) {
            throw new InvalidInputException("feature dimensions differ: " + real[0].length + " vs " + fake[0].length);
        }
        double[] realRadius = kthNeighbourSquaredDistances(real, k);
        double[] fakeRadius = kthNeighbourSquaredDistances(fake, k);
        double[] realNorms = DotBlocks.squaredNorms(real);
        double[] fakeNorms = DotBlocks.squaredNorms(fake);

        boolean[] fakeInReal = new boolean[fake.length];
        long[] fakeBallCount = new long[fake.length];
        boolean[] realInFake = new boolean[real.length];
        double[] nearestFake = new double[real.length];
        Arrays.fill(nearestFake, Double.POSITIVE_INFINITY);
        for (int r = 0; r < real.length; r += DotBlocks.BLOCK) {
            int r2 = Math.min(real.length, r + DotBlocks.BLOCK);
            INDArray rb = DotBlocks.range(real, r, r2);
            for (int c = 0; c < fake.length; c += DotBlocks.BLOCK) {
                int c2 = Math.min(fake.length, c + DotBlocks.BLOCK);
                double[] dots = DotBlocks.dots(rb, DotBlocks.range(fake, c, c2));
                int cols = c2 - c;
                for (int i = r; i < r2; i++) {
                    int off = (i - r) * cols;
                    for (int j = c; j < c2; j++) {
                        double dist = Math.max(0.0, realNorms[i] + fakeNorms[j] - 2.0 * dots[off + j - c]);
                        if (dist < realRadius[i]) {
                            fakeInReal[j] = true;
                            fakeBallCount[j]++;
                        }
                        if (dist < fakeRadius[j]) {
                            realInFake[i] = true;
                        }
                        if (dist < nearestFake[i]) {
                            nearestFake[i] = dist;
                        }
                    }
                }
            }
        }
        long precision = 0;
        long density = 0;
        for (int j = 0; j < fake.length; j++) {
            precision += fakeInReal[j] ? 1 : 0;
            density += fakeBallCount[j];
        }
        long recall = 0;
        long coverage = 0;
        for (int i = 0; i < real.length; i++) {
            recall += realInFake[i] ? 1 : 0;
            coverage += nearestFake[i] < realRadius[i] ? 1 : 0;
        }
        return new Result(precision / (double) fake.length, recall / (double) real.length,
                density / ((double) k * fake.length), coverage / (double) real.length, k);
    }

    /**
     * Squared distance from each row to its k-th nearest other row (the row itself excluded by
     * index, so exact duplicates still count as neighbours at distance 0).
     */
    static double[] kthNeighbourSquaredDistances(float[][] rows, int k) {
        int n = rows.length;
        double[] norms = DotBlocks.squaredNorms(rows);
        double[][] best = new double[n][k]; // ascending k smallest so far
        for (double[] b : best) {
            Arrays.fill(b, Double.POSITIVE_INFINITY);
        }
        for (int r = 0; r < n; r += DotBlocks.BLOCK) {
            int r2 = Math.min(n, r + DotBlocks.BLOCK);
            INDArray rb = DotBlocks.range(rows, r, r2);
            for (int c = 0; c < n; c += DotBlocks.BLOCK) {
                int c2 = Math.min(n, c + DotBlocks.BLOCK);
                double[] dots = DotBlocks.dots(rb, r == c ? rb : DotBlocks.range(rows, c, c2));
                int cols = c2 - c;
                for (int i = r; i < r2; i++) {
                    double[] b = best[i];
                    int off = (i - r) * cols;
                    for (int j = c; j < c2; j++) {
                        if (j == i) {
                            continue;
                        }
                        double dist = Math.max(0.0, norms[i] + norms[j] - 2.0 * dots[off + j - c]);
                        if (dist < b[k - 1]) {
                            int p = k - 1;
                            while (p > 0 && b[p - 1] > dist) {
                                b[p] = b[p - 1];
                                p--;
                            }
                            b[p] = dist;
                        }
                    }
                }
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = best[i][k - 1];
        }
        return out;
    }
}
