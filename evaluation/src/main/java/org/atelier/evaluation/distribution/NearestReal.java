package org.atelier.evaluation.distribution;

import java.util.Arrays;
import org.atelier.core.errors.InvalidInputException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A per-sample score of generated images: the Euclidean distance in feature space from each
 * generated image to its nearest real image. It is the per-image quantity behind precision
 * ({@link PrecisionRecallDensityCoverage}): a sample far from every real image is one the real
 * data does not vouch for. Sliced by an attribute, it asks whether a generator's samples of one
 * group sit further from real faces than another's. Distances come from blocked dgemm, as in
 * {@link PrecisionRecallDensityCoverage}, so memory stays O(block²).
 */
public final class NearestReal {
    private NearestReal() {
    }

    /**
     * @param real      feature rows of real images
     * @param generated feature rows of generated images, of the same dimension
     * @return per generated row, its distance to the nearest real row
     * @throws InvalidInputException when either set is empty or the dimensions differ
     */
    public static double[] distances(float[][] real, float[][] generated) {
        if (real.length == 0 || generated.length == 0) {
            throw new InvalidInputException("nearest-real distances need real and generated features, got "
                    + real.length + " and " + generated.length + " rows");
        }
        if (real[0].length != generated[0].length) {
            throw new InvalidInputException("feature dimensions differ: real " + real[0].length + " vs generated "
                    + generated[0].length);
        }
        double[] realNorms = DotBlocks.squaredNorms(real);
        double[] genNorms = DotBlocks.squaredNorms(generated);
        double[] best = new double[generated.length];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int g = 0; g < generated.length; g += DotBlocks.BLOCK) {
            int g2 = Math.min(generated.length, g + DotBlocks.BLOCK);
            INDArray gb = DotBlocks.range(generated, g, g2);
            for (int r = 0; r < real.length; r += DotBlocks.BLOCK) {
                int r2 = Math.min(real.length, r + DotBlocks.BLOCK);
                double[] dots = DotBlocks.dots(gb, DotBlocks.range(real, r, r2));
                int cols = r2 - r;
                for (int j = g; j < g2; j++) {
                    int off = (j - g) * cols;
                    for (int i = r; i < r2; i++) {
                        best[j] = Math.min(best[j], Math.max(0.0, genNorms[j] + realNorms[i] - 2.0 * dots[off + i - r]));
                    }
                }
            }
        }
        for (int j = 0; j < best.length; j++) {
            best[j] = Math.sqrt(best[j]);
        }
        return best;
    }
}
