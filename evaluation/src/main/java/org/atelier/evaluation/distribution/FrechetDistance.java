package org.atelier.evaluation.distribution;

import org.atelier.core.errors.InvalidInputException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fréchet distance between two Gaussians fitted to feature sets — FID when the features are
 * Inception's (Heusel et al. 2017, "GANs trained by a two time-scale update rule…"), the
 * "FID proxy" with any other extractor:
 *
 * <pre>  d² = ‖μ₁ − μ₂‖² + Tr Σ₁ + Tr Σ₂ − 2 Tr √(Σ₁ Σ₂)</pre>
 *
 * <p>The trace term is computed stably from symmetric eigenproblems only, never by a matrix
 * square root of the non-symmetric product Σ₁Σ₂ (scipy's {@code sqrtm} route, which can
 * return complex parts and loses accuracy on ill-conditioned covariances):
 * <ol>
 *   <li>Σ₁ = V Λ Vᵀ (symmetric eigen-decomposition; negative rounding noise in Λ clamped at 0),
 *       so √Σ₁ = V Λ^½ Vᵀ;</li>
 *   <li>√Σ₁ Σ₂ √Σ₁ = V (Λ^½ Vᵀ Σ₂ V Λ^½) Vᵀ, so its eigenvalues are those of the symmetric
 *       M = Λ^½ (Vᵀ Σ₂ V) Λ^½ (an orthogonal similarity — no need to form √Σ₁);</li>
 *   <li>Tr √(Σ₁Σ₂) = Tr √(√Σ₁ Σ₂ √Σ₁) = Σ √max(0, eig(M)), since Σ₁Σ₂ is similar to √Σ₁ Σ₂ √Σ₁.</li>
 * </ol>
 * The eigenproblems go to LAPACK's {@code dsyevd} by default, or to {@code dsyev} or Commons Math 3 on request
 * ({@link SymmetricEigen}: they agree to rounding; at d = 2048 Commons Math is far the slowest);
 * the two d×d products go through ND4J's BLAS (dgemm).
 *
 * <p>The reference side is {@link #prepare prepared} once (its eigen-decomposition reused), so
 * FID∞ and repeated comparisons against fixed reference statistics pay one decomposition each.
 */
public final class FrechetDistance {
    private final GaussianStatistics reference;
    private final INDArray eigenvectors; // V, columns are eigenvectors of the reference covariance
    private final double[] sqrtEigenvalues;
    private final double referenceTrace;
    private final SymmetricEigen solver;

    private FrechetDistance(GaussianStatistics reference, INDArray eigenvectors, double[] sqrtEigenvalues,
                            SymmetricEigen solver) {
        this.reference = reference;
        this.solver = solver;
        this.eigenvectors = eigenvectors;
        this.sqrtEigenvalues = sqrtEigenvalues;
        double t = 0;
        for (int i = 0; i < reference.dimension(); i++) {
            t += reference.cov(i, i);
        }
        this.referenceTrace = t;
    }

    /** Decomposes the reference covariance once for many {@link #distanceTo} calls (LAPACK). */
    public static FrechetDistance prepare(GaussianStatistics reference) {
        return prepare(reference, SymmetricEigen.LAPACK);
    }

    /** As {@link #prepare(GaussianStatistics)} with the given eigen-solver for both eigenproblems. */
    public static FrechetDistance prepare(GaussianStatistics reference, SymmetricEigen solver) {
        int d = reference.dimension();
        SymmetricEigen.Decomposition eig = solver.decompose(reference.covariance(), d, true);
        double[] sqrt = new double[d];
        for (int i = 0; i < d; i++) {
            sqrt[i] = Math.sqrt(Math.max(0.0, eig.values()[i]));
        }
        return new FrechetDistance(reference, eig.vectors(), sqrt, solver);
    }

    /** FID between two sets' statistics (symmetric in its arguments up to rounding). */
    public static double between(GaussianStatistics a, GaussianStatistics b) {
        return prepare(b).distanceTo(a);
    }

    public GaussianStatistics reference() {
        return reference;
    }

    /**
     * FID between {@code other} and the prepared reference.
     *
     * @throws InvalidInputException if the two come from different extractors or dimensions
     */
    public double distanceTo(GaussianStatistics other) {
        int d = reference.dimension();
        if (!other.extractor().equals(reference.extractor())) {
            throw new InvalidInputException("cannot compare features of extractor '" + other.extractor()
                    + "' with statistics of extractor '" + reference.extractor() + "'");
        }
        if (other.dimension() != d) {
            throw new InvalidInputException("cannot compare " + other.dimension() + "-d features with " + d
                    + "-d reference statistics");
        }
        double meanTerm = 0;
        double otherTrace = 0;
        for (int i = 0; i < d; i++) {
            double diff = other.mean()[i] - reference.mean()[i];
            meanTerm += diff * diff;
            otherTrace += other.cov(i, i);
        }
        return meanTerm + referenceTrace + otherTrace - 2.0 * traceSqrtProduct(other);
    }

    /** Tr √(Σ_ref Σ_other), from the eigenvalues of Λ^½ Vᵀ Σ_other V Λ^½ (see the class comment). */
    double traceSqrtProduct(GaussianStatistics other) {
        int d = reference.dimension();
        INDArray sigma = Nd4j.create(other.covariance(), new long[] {d, d}, 'c');
        INDArray rotated = Nd4j.gemm(Nd4j.gemm(eigenvectors, sigma, true, false), eigenvectors, false, false);
        double[] r = rotated.dup('c').data().asDouble();
        double[] m = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                // average the two triangles: an exactly symmetric input for the symmetric solver
                double v = sqrtEigenvalues[i] * 0.5 * (r[i * d + j] + r[j * d + i]) * sqrtEigenvalues[j];
                m[i * d + j] = v;
                m[j * d + i] = v;
            }
        }
        double trace = 0;
        for (double v : solver.decompose(m, d, false).values()) {
            trace += Math.sqrt(Math.max(0.0, v));
        }
        return trace;
    }
}
