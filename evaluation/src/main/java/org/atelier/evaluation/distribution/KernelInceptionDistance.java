package org.atelier.evaluation.distribution;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.atelier.core.errors.InvalidInputException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * KID (Bińkowski et al. 2018, "Demystifying MMD GANs"): the unbiased estimate of the squared
 * maximum mean discrepancy with the cubic polynomial kernel k(x, y) = (xᵀy / d + 1)³,
 * averaged over random subsets. Per subset (m samples from each set, drawn without
 * replacement):
 *
 * <pre>  MMD²ᵤ = Σ_{i≠j} k(xᵢ,xⱼ) / (m(m−1)) + Σ_{i≠j} k(yᵢ,yⱼ) / (m(m−1)) − 2 Σ_{i,j} k(xᵢ,yⱼ) / m²</pre>
 *
 * Reported: mean and population standard deviation over subsets (as torchmetrics and
 * torch-fidelity). Defaults 100 subsets of 1000; a subset size above either set's size is
 * capped at the smaller size, with a warning. Being unbiased, KID can be slightly negative
 * when the sets match.
 */
public final class KernelInceptionDistance {
    public static final int DEFAULT_SUBSETS = 100;
    public static final int DEFAULT_SUBSET_SIZE = 1000;

    private KernelInceptionDistance() {
    }

    /**
     * @param mean       mean of MMD²ᵤ over subsets
     * @param std        population standard deviation over subsets
     * @param subsets    number of subsets drawn
     * @param subsetSize samples per set per subset, after capping
     * @param warnings   e.g. that the subset size was capped
     */
    public record Result(double mean, double std, int subsets, int subsetSize, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    public static Result compute(float[][] a, float[][] b, int subsets, int subsetSize, RandomGenerator rng) {
        if (subsets < 1) {
            throw new InvalidInputException("--kid-subsets must be at least 1, got " + subsets);
        }
        if (subsetSize < 2) {
            throw new InvalidInputException("--kid-subset-size must be at least 2, got " + subsetSize);
        }
        if (a.length < 2 || b.length < 2) {
            throw new InvalidInputException("KID needs at least 2 samples per set, got n_a=" + a.length + ", n_b="
                    + b.length);
        }
        if (a[0].length != b[0].length) {
            throw new InvalidInputException("feature dimensions differ: " + a[0].length + " vs " + b[0].length);
        }
        List<String> warnings = new ArrayList<>();
        int m = subsetSize;
        int cap = Math.min(a.length, b.length);
        if (m > cap) {
            warnings.add("KID subset size " + subsetSize + " is larger than the smaller set (" + cap
                    + " samples); capped at " + cap);
            m = cap;
        }
        double[] scores = new double[subsets];
        for (int s = 0; s < subsets; s++) {
            int[] ia = sample(a.length, m, rng);
            int[] ib = sample(b.length, m, rng);
            scores[s] = mmd2Unbiased(a, ia, b, ib);
        }
        double mean = 0;
        for (double v : scores) {
            mean += v;
        }
        mean /= subsets;
        double var = 0;
        for (double v : scores) {
            var += (v - mean) * (v - mean);
        }
        return new Result(mean, Math.sqrt(var / subsets), subsets, m, warnings);
    }

    /** Unbiased MMD² between the rows {@code a[ia]} and {@code b[ib]} (equal counts). */
    static double mmd2Unbiased(float[][] a, int[] ia, float[][] b, int[] ib) {
        int m = ia.length;
        int d = a[0].length;
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int r = 0; r < m; r += DotBlocks.BLOCK) {
            int r2 = Math.min(m, r + DotBlocks.BLOCK);
            INDArray ar = DotBlocks.gather(a, ia, r, r2);
            INDArray br = DotBlocks.gather(b, ib, r, r2);
            for (int c = 0; c < m; c += DotBlocks.BLOCK) {
                int c2 = Math.min(m, c + DotBlocks.BLOCK);
                INDArray ac = DotBlocks.gather(a, ia, c, c2);
                INDArray bc = DotBlocks.gather(b, ib, c, c2);
                xx += kernelSum(DotBlocks.dots(ar, ac), d, r, c, c2 - c, true);
                yy += kernelSum(DotBlocks.dots(br, bc), d, r, c, c2 - c, true);
                xy += kernelSum(DotBlocks.dots(ar, bc), d, r, c, c2 - c, false);
            }
        }
        return (xx + yy) / ((double) m * (m - 1)) - 2.0 * xy / ((double) m * m);
    }

    /** Σ (dot/d + 1)³ over a block, leaving out the diagonal i = j when asked. */
    private static double kernelSum(double[] dots, int d, int rowStart, int colStart, int cols, boolean skipDiagonal) {
        double s = 0;
        for (int i = 0; i < dots.length; i++) {
            if (skipDiagonal && rowStart + i / cols == colStart + i % cols) {
                continue;
            }
            double k = dots[i] / d + 1.0;
            s += k * k * k;
        }
        return s;
    }

    /** m distinct indices out of n, uniformly (partial Fisher–Yates). */
    static int[] sample(int n, int m, RandomGenerator rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(n - i);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        int[] out = new int[m];
        System.arraycopy(p, 0, out, 0, m);
        return out;
    }
}
