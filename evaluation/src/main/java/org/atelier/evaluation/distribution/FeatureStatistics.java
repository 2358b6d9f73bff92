package org.atelier.evaluation.distribution;

import java.io.Serializable;
import java.util.Arrays;
import org.atelier.core.errors.InvalidInputException;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Streaming, mergeable sufficient statistics of feature vectors: the count {@code n}, the sum
 * of the vectors and the sum of their outer products XᵀX, all in float64 (the state
 * torchmetrics' FID keeps). Memory is O(d²) whatever the number of samples; two accumulators
 * fed disjoint shards {@link #merge merge} into the statistics of the union (exactly, up to
 * the order of floating-point additions), which is what sharded evaluation needs.
 *
 * <p>Rows are buffered in blocks of {@value #BLOCK} and folded into XᵀX with one BLAS call per
 * block (off-heap float64): at d = 2048 this is an order of magnitude faster than the best plain
 * Java loop measured here (about 1 GFLOP/s on this machine). The call is OpenBLAS's
 * {@code dsyrk}, which computes only the upper triangle of the symmetric result — half the
 * work of the {@code dgemm} ND4J offers (benchmarks/README.md: statistics of 10 000 × 2048
 * features 6.8 s with dgemm, 3.8 s with dsyrk); ND4J has no wrapper for it, hence the direct call.
 *
 * <p>Not thread-safe: give each thread its own accumulator and merge them.
 */
public final class FeatureStatistics {
    static final int BLOCK = 256;

    private final int dimension;
    private long n;
    private final double[] sum;
    private final INDArray outer; // d x d float64, row-major, off-heap; only its upper triangle is kept
    private final double[] block;
    private int pending;

    public FeatureStatistics(int dimension) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("feature dimension must be positive, got " + dimension);
        }
        this.dimension = dimension;
        this.sum = new double[dimension];
        this.outer = Nd4j.create(DataType.DOUBLE, new long[] {dimension, dimension}, 'c');
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
        outer.addi(other.outer);
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
        c.outer.assign(outer);
        return c;
    }

    /**
     * The whole state as plain arrays, to ship between machines (a Spark task's result):
     * {@link #fromSnapshot} rebuilds an accumulator whose every later sum is bit-identical.
     *
     * @param upperOuter XᵀX as kept, d×d row-major; only its upper triangle is meaningful
     */
    public record Snapshot(int dimension, long n, double[] sum, double[] upperOuter) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public Snapshot snapshot() {
        flush();
        return new Snapshot(dimension, n, sum.clone(), outer.data().asDouble());
    }

    public static FeatureStatistics fromSnapshot(Snapshot s) {
        FeatureStatistics out = new FeatureStatistics(s.dimension());
        if (s.sum().length != s.dimension() || s.upperOuter().length != s.dimension() * s.dimension()) {
            throw new IllegalArgumentException("snapshot arrays do not match dimension " + s.dimension());
        }
        out.n = s.n();
        System.arraycopy(s.sum(), 0, out.sum, 0, s.dimension());
        out.outer.assign(Nd4j.create(s.upperOuter(), new long[] {s.dimension(), s.dimension()}, 'c'));
        return out;
    }

    /** Sum of the vectors (a copy). */
    public double[] sum() {
        return sum.clone();
    }

    /** XᵀX, symmetric, d×d row-major (a copy, both triangles filled). */
    public double[] outerProductSum() {
        flush();
        double[] xtx = outer.data().asDouble();
        int d = dimension;
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                xtx[j * d + i] = xtx[i * d + j];
            }
        }
        return xtx;
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
        double[] xtx = outerProductSum();
        double[] cov = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                // both triangles from the upper one: exact symmetry for the eigen-solvers downstream
                double c = (xtx[i * d + j] - n * mean[i] * mean[j]) / (n - 1);
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

    /** Folds the buffered rows into the upper triangle of XᵀX: outer += BᵀB. */
    private void flush() {
        if (pending == 0) {
            return;
        }
        double[] rows = pending == BLOCK ? block : Arrays.copyOf(block, pending * dimension);
        INDArray b = Nd4j.create(rows, new long[] {pending, dimension}, 'c');
        openblas.cblas_dsyrk(openblas.CblasRowMajor, openblas.CblasUpper, openblas.CblasTrans, dimension, pending,
                1.0, new DoublePointer(b.data().addressPointer()), dimension,
                1.0, new DoublePointer(outer.data().addressPointer()), dimension);
        pending = 0;
    }
}
