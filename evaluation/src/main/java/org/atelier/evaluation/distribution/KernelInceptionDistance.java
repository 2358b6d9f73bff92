package org.atelier.evaluation.distribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    public record Result(double mean, double std, int subsets, int subsetSize, List<String> warnings)
            implements java.io.Serializable {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    public static Result compute(float[][] a, float[][] b, int subsets, int subsetSize, RandomGenerator rng) {
        if (a.length >= 2 && b.length >= 2 && a[0].length != b[0].length) {
            throw new InvalidInputException("feature dimensions differ: " + a[0].length + " vs " + b[0].length);
        }
        return score(a, b, draw(a.length, b.length, subsets, subsetSize, rng));
    }

    /**
     * Which rows each subset takes, drawn before any feature is seen: a sharded run draws on the
     * driver, fetches only the rows named here, and scores them with {@link Draw#remap} — the
     * same subsets, hence the same KID, as {@link #compute} on all the rows.
     *
     * @param a        per subset, m row indices into set A (drawn first)
     * @param b        per subset, m row indices into set B
     * @param warnings e.g. that the subset size was capped
     */
    public record Draw(int[][] a, int[][] b, int subsetSize, List<String> warnings) {
        public Draw {
            warnings = List.copyOf(warnings);
        }

        /** The distinct indices of one side, ascending. */
        public static int[] distinct(int[][] subsets) {
            return Arrays.stream(subsets).flatMapToInt(Arrays::stream).distinct().sorted().toArray();
        }

        /** The same draw with every index replaced by its position in the ascending {@code keptA} / {@code keptB}. */
        public Draw remap(int[] keptA, int[] keptB) {
            return new Draw(positions(a, keptA), positions(b, keptB), subsetSize, warnings);
        }

        private static int[][] positions(int[][] subsets, int[] kept) {
            int[][] out = new int[subsets.length][];
            for (int s = 0; s < subsets.length; s++) {
                out[s] = new int[subsets[s].length];
                for (int i = 0; i < subsets[s].length; i++) {
                    int p = Arrays.binarySearch(kept, subsets[s][i]);
                    if (p < 0) {
                        throw new IllegalArgumentException("row " + subsets[s][i] + " of the draw was not kept");
                    }
                    out[s][i] = p;
                }
            }
            return out;
        }
    }

    /** Draws the subsets for sets of {@code nA} and {@code nB} rows (A then B, subset by subset). */
    public static Draw draw(int nA, int nB, int subsets, int subsetSize, RandomGenerator rng) {
        if (subsets < 1) {
            throw new InvalidInputException("--kid-subsets must be at least 1, got " + subsets);
        }
        if (subsetSize < 2) {
            throw new InvalidInputException("--kid-subset-size must be at least 2, got " + subsetSize);
        }
        if (nA < 2 || nB < 2) {
            throw new InvalidInputException("KID needs at least 2 samples per set, got n_a=" + nA + ", n_b=" + nB);
        }
        List<String> warnings = new ArrayList<>();
        int m = subsetSize;
        int cap = Math.min(nA, nB);
        if (m > cap) {
            warnings.add("KID subset size " + subsetSize + " is larger than the smaller set (" + cap
                    + " samples); capped at " + cap);
            m = cap;
        }
        int[][] ia = new int[subsets][];
        int[][] ib = new int[subsets][];
        for (int s = 0; s < subsets; s++) {
            ia[s] = sample(nA, m, rng);
            ib[s] = sample(nB, m, rng);
        }
        return new Draw(ia, ib, m, warnings);
    }

    /** KID over the subsets of {@code draw}, whose indices point into {@code a} and {@code b}. */
    public static Result score(float[][] a, float[][] b, Draw draw) {
        int subsets = draw.a().length;
        double[] scores = new double[subsets];
        for (int s = 0; s < subsets; s++) {
            scores[s] = mmd2Unbiased(a, draw.a()[s], b, draw.b()[s]);
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
        return new Result(mean, Math.sqrt(var / subsets), subsets, draw.subsetSize(), draw.warnings());
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

    /** KID's kernel, the cubic polynomial (xᵀy / d + 1)³, of an inner product of d-dimensional features. */
    public static double kernel(double dot, int d) {
        double k = dot / d + 1.0;
        return k * k * k;
    }

    /** Σ (dot/d + 1)³ over a block, leaving out the diagonal i = j when asked. */
    private static double kernelSum(double[] dots, int d, int rowStart, int colStart, int cols, boolean skipDiagonal) {
        double s = 0;
        for (int i = 0; i < dots.length; i++) {
            if (skipDiagonal && rowStart + i / cols == colStart + i % cols) {
                continue;
            }
            s += kernel(dots[i], d);
        }
        return s;
    }

    /**
     * m distinct indices out of n, uniformly (partial Fisher–Yates). The permuted array is kept
     * sparsely — only the m swapped slots — so a draw costs O(m) memory whatever n is.
     */
    public static int[] sample(int n, int m, RandomGenerator rng) {
        Map<Integer, Integer> moved = new HashMap<>();
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(n - i);
            int atJ = moved.getOrDefault(j, j);
            moved.put(j, moved.getOrDefault(i, i));
            out[i] = atJ;
        }
        return out;
    }
}
