package org.atelier.evaluation.distribution;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Solvers for the symmetric eigenproblems of the FID trace term. All are well-kept libraries
 * already on the class path; they agree to rounding (see the tests). Measured on this 2-core
 * machine at d = 2048: LAPACK's divide-and-conquer {@code dsyevd} (what {@code numpy.linalg.eigh}
 * and PyTorch call) is several times faster than the QL/QR {@code dsyev} that ND4J's
 * {@code Eigen} wraps (benchmarks/README.md has the figures); Commons Math 3.6.1 took 151 s —
 * hence divide and conquer by default.
 */
public enum SymmetricEigen {
    /**
     * LAPACK {@code dsyevd} (Householder tridiagonalisation + divide and conquer) from the OpenBLAS
     * build ND4J itself loads, called through its JavaCPP presets: ND4J's own wrapper offers only
     * {@code dsyev}.
     */
    LAPACK {
        @Override
        Decomposition decompose(double[] symmetric, int d, boolean vectors) {
            double[] a = symmetric.clone(); // overwritten: by the eigenvectors (columns) when asked for
            double[] values = new double[d];
            int info = openblas.LAPACKE_dsyevd(openblas.LAPACK_ROW_MAJOR, (byte) (vectors ? 'V' : 'N'),
                    (byte) 'U', d, a, d, values);
            if (info != 0) {
                throw new ArithmeticException("LAPACKE_dsyevd failed on a " + d + "×" + d
                        + " matrix (info " + info + "): " + (info < 0 ? "bad argument" : "no convergence"));
            }
            return new Decomposition(values, vectors ? Nd4j.create(a, new long[] {d, d}, 'c') : null);
        }
    },
    /** LAPACK {@code dsyev} (Householder tridiagonalisation + implicit QL/QR) via ND4J's {@code Eigen}. */
    LAPACK_QR {
        @Override
        Decomposition decompose(double[] symmetric, int d, boolean vectors) {
            INDArray a = Nd4j.create(symmetric.clone(), new long[] {d, d}, 'c'); // overwritten by dsyev
            INDArray values = Eigen.symmetricGeneralizedEigenvalues(a, vectors);
            return new Decomposition(values.dup().data().asDouble(), vectors ? a : null);
        }
    },
    /** Apache Commons Math 3 {@link EigenDecomposition} (pure Java; symmetric path). */
    COMMONS_MATH {
        @Override
        Decomposition decompose(double[] symmetric, int d, boolean vectors) {
            double[][] m = new double[d][d];
            for (int i = 0; i < d; i++) {
                System.arraycopy(symmetric, i * d, m[i], 0, d);
            }
            EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(m, false));
            if (!vectors) {
                return new Decomposition(e.getRealEigenvalues(), null);
            }
            RealMatrix v = e.getV();
            double[] flat = new double[d * d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    flat[i * d + j] = v.getEntry(i, j);
                }
            }
            return new Decomposition(e.getRealEigenvalues(), Nd4j.create(flat, new long[] {d, d}, 'c'));
        }
    };

    /**
     * @param values  the d eigenvalues, in no particular order
     * @param vectors d×d float64 matrix whose columns are the matching unit eigenvectors, or null
     */
    record Decomposition(double[] values, INDArray vectors) {
    }

    /** Eigen-decomposition of a symmetric d×d row-major matrix (which is left unchanged). */
    abstract Decomposition decompose(double[] symmetric, int d, boolean vectors);
}
