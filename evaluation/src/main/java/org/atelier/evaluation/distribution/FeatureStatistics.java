package org.atelier.evaluation.distribution;

import java.util.Arrays;
import org.atelier.core.errors.InvalidInputException;

/**
 * Streaming, mergeable sufficient statistics of feature vectors: the count {@code n}, the sum
 * of the vectors and the sum of their outer products XᵀX, all in float64 (the state
 * torchmetrics' FID keeps). Memory is O(d²) whatever the number of samples; two accumulators
 * fed disjoint shards {@link #merge merge} into the statistics of the union (exactly, up to
 * the order of floating-point additions), which is what sharded evaluation needs.
 *
 * <p>Rows are buffered in blocks of {@value #BLOCK} and folded into XᵀX block by block: each
 * row of the d×d sum is then updated {@value #BLOCK} times while it sits in cache (a plain
 * Java loop the JIT vectorises; BLAS would be faster still but the accumulator stays free of
 * native code). Only the upper triangle is accumulated; reads symmetrise it.
 *
 * <p>Not thread-safe: give each thread its own accumulator and merge them.
 */
public final class FeatureStatistics {
    static final int BLOCK = 64;

    private final int dimension;
    private long n;
    private final double[] sum;
    private final double[] outer; // d x d row-major, upper triangle accumulated
    private final double[] block;
    private int pending;

    public FeatureStatistics(int dimension) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("feature dimension must be positive, got " + dimension);
        }
        this.dimension = dimension;
        this.sum = new double[dimension];
        this.outer = new double[dimension * dimension];
        this.block = new double[BLOCK * dimension];
    }

    public int dimension() {
        return dimension;
    }

    /** Samples added so far (including merged ones). */
    public long count() {
        return n;
    }

    /** Adds one feature vector of length {@link #dimension()}. */
    public void add(float[] row) {
        checkLength(row.length);
        int off = pending * dimension;
        for (int j = 0; j < dimension; j++) {
            double v = row[j];
            block[off + j] = v;
            sum[j] += v;
        }
        n++;
        if (++pending == BLOCK) {
            flush();
        }
    }

    /** Adds one feature vector of length {@link #dimension()}. */
    public void add(double[] row) {
        checkLength(row.length);
        int off = pending * dimension;
        for (int j = 0; j < dimension; j++) {
            block[off + j] = row[j];
            sum[j] += row[j];
        }
        n++;
        if (++pending == BLOCK) {
            flush();
        }
    }

    public void addAll(float[][] rows) {
        for (float[] r : rows) {
            add(r);
        }
    }

    /** Folds another accumulator's state into this one (the other is left unchanged). */
    public void merge(FeatureStatistics other) {
        if (other.dimension != dimension) {
            throw new InvalidInputException("cannot merge statistics of " + other.dimension + "-d features into "
                    + dimension + "-d ones");
        }
        flush();
        other.flush();
        n += other.n;
        for (int j = 0; j < dimension; j++) {
            sum[j] += other.sum[j];
        }
        for (int i = 0; i < outer.length; i++) {
            outer[i] += other.outer[i];
        }
    }

    /** A new accumulator holding the union of this and {@code other}. */
    public FeatureStatistics plus(FeatureStatistics other) {
        FeatureStatistics out = copy();
        out.merge(other);
        return out;
    }

    public FeatureStatistics copy() {
        flush();
        FeatureStatistics c = new FeatureStatistics(dimension);
        c.n = n;
        System.arraycopy(sum, 0, c.sum, 0, dimension);
        System.arraycopy(outer, 0, c.outer, 0, outer.length);
        return c;
    }

    /** Sum of the vectors (a copy). */
    public double[] sum() {
        return sum.clone();
    }

    /** XᵀX, symmetric, d×d row-major (a copy). */
    public double[] outerProductSum() {
        flush();
        double[] full = outer.clone();
        symmetrise(full, dimension);
        return full;
    }

    /**
     * Mean and unbiased covariance ((XᵀX − n μμᵀ) / (n − 1), as torchmetrics and pytorch-fid).
     *
     * @param extractor id of the feature extractor, carried into the result
     * @throws InvalidInputException when fewer than 2 samples were added (no covariance exists)
     */
    public GaussianStatistics toGaussian(String extractor) {
        if (n < 2) {
            throw new InvalidInputException("a covariance needs at least 2 feature vectors, got " + n);
        }
        flush();
        int d = dimension;
        double[] mean = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = sum[j] / n;
        }
        double[] cov = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double c = (outer[i * d + j] - n * mean[i] * mean[j]) / (n - 1);
                cov[i * d + j] = c;
                cov[j * d + i] = c;
            }
        }
        return new GaussianStatistics(extractor, n, mean, cov);
    }

    private void checkLength(int length) {
        if (length != dimension) {
            throw new InvalidInputException("feature vector of length " + length + ", expected " + dimension);
        }
    }

    /** Folds the buffered rows into the upper triangle of XᵀX. */
    private void flush() {
        int d = dimension;
        for (int i = 0; i < d; i++) {
            int rowOff = i * d;
            for (int r = 0; r < pending; r++) {
                int bo = r * d;
                double xi = block[bo + i];
                if (xi == 0.0) {
                    continue; // ReLU features are often zero: nothing to add
                }
                for (int j = i; j < d; j++) {
                    outer[rowOff + j] += xi * block[bo + j];
                }
            }
        }
        Arrays.fill(block, 0, pending * d, 0.0);
        pending = 0;
    }

    static void symmetrise(double[] m, int d) {
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                m[j * d + i] = m[i * d + j];
            }
        }
    }
}
