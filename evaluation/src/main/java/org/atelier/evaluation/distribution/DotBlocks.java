package org.atelier.evaluation.distribution;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Blocks of inner products between feature rows, in float64 through ND4J's BLAS (dgemm): the
 * O(N²d) work of KID and PRDC. Rows are copied into double blocks on demand, so the feature
 * sets stay as compact float arrays on the heap.
 */
final class DotBlocks {
    /** Rows per block: a 1024×1024 double block is 8 MB. */
    static final int BLOCK = 1024;

    private DotBlocks() {
    }

    /** Rows {@code rows[indices[from..to)]} as a (to−from)×d double matrix. */
    static INDArray gather(float[][] rows, int[] indices, int from, int to) {
        int d = rows[indices[from]].length;
        double[] flat = new double[(to - from) * d];
        for (int i = from; i < to; i++) {
            float[] r = rows[indices[i]];
            int off = (i - from) * d;
            for (int j = 0; j < d; j++) {
                flat[off + j] = r[j];
            }
        }
        return Nd4j.create(flat, new long[] {to - from, d}, 'c');
    }

    /** Rows {@code rows[from..to)} as a double matrix. */
    static INDArray range(float[][] rows, int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return gather(rows, idx, 0, idx.length);
    }

    /** A·Bᵀ as a row-major double array. */
    static double[] dots(INDArray a, INDArray b) {
        return Nd4j.gemm(a, b, false, true).dup('c').data().asDouble();
    }

    /** Squared Euclidean norm of each row. */
    static double[] squaredNorms(float[][] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double s = 0;
            for (float v : rows[i]) {
                s += (double) v * v;
            }
            out[i] = s;
        }
        return out;
    }
}
