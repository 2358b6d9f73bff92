package org.atelier.evaluation.audit;

import java.util.List;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Shares of the true values among samples a classifier labelled, corrected for its mistakes:
 * with C[i][j] = P(predicted i | true j), estimated on held-out labelled images, the predicted
 * shares q satisfy q = C·p for the true shares p when the classifier's errors given the true value
 * are the same on both sets (label shift: Lipton, Wang and Smola 2018, "black box shift
 * estimation"), so p = C⁻¹·q. Solved by Commons Math's SVD (the least-squares solution when C is
 * near singular); negative solutions, which sampling noise can give for a rare value, are set to 0
 * and the rest renormalised.
 */
public final class ConfusionCorrection {
    private ConfusionCorrection() {
    }

    /**
     * C[i][j] = share of held-out images of true value j that were predicted as value i; a column
     * with no images of value j is the identity column (nothing known, so no correction for it).
     *
     * @param rows indices into {@code truth}/{@code predicted} to use (a bootstrap resample), or null for all
     */
    public static double[][] conditional(List<String> truth, List<String> predicted, List<String> values, int[] rows) {
        int k = values.size();
        double[][] c = new double[k][k];
        double[] perTrue = new double[k];
        int n = rows == null ? truth.size() : rows.length;
        for (int r = 0; r < n; r++) {
            int idx = rows == null ? r : rows[r];
            int j = values.indexOf(truth.get(idx));
            int i = values.indexOf(predicted.get(idx));
            if (i >= 0 && j >= 0) {
                c[i][j]++;
                perTrue[j]++;
            }
        }
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                c[i][j] = perTrue[j] == 0 ? (i == j ? 1 : 0) : c[i][j] / perTrue[j];
            }
        }
        return c;
    }

    /** The corrected shares p from predicted shares q, non-negative and summing to 1. */
    public static double[] correct(double[] predictedShares, double[][] conditional) {
        RealMatrix c = MatrixUtils.createRealMatrix(conditional);
        double[] p = new SingularValueDecomposition(c).getSolver().solve(new ArrayRealVector(predictedShares)).toArray();
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.max(0, p[i]);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = sum > 0 ? p[i] / sum : Double.NaN;
        }
        return p;
    }
}
