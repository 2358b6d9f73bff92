package org.atelier.evaluation.distribution;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * FID∞ (Chong &amp; Forsyth 2020, "Effectively Unbiased FID and Inception Score and where to
 * find them"): FID is biased upwards by roughly a term linear in 1/N, so FID is computed on
 * subsets of the generated set at several sizes N, a line FID = a + b/N is fitted by least
 * squares, and the intercept a (N → ∞) is reported. The reference statistics stay at their
 * full size, as in the paper.
 *
 * <p>Here the subsets are the nested unions of {@link StratifiedStatistics} strata (sizes
 * about N/K, 2N/K, …, N) rather than independent draws, so no feature needs to be kept; with
 * the default K = 10 the smallest subset is a tenth of the set (the paper uses 5k..50k).
 */
public final class FidInfinity {
    /** Default number of strata, hence of points on the fitted line. */
    public static final int DEFAULT_POINTS = 10;
    /** Below this many generated samples the fit is refused (a tenth would hold under 10). */
    public static final long MIN_SAMPLES = 100;

    private FidInfinity() {
    }

    /** One point of the fit. */
    public record Point(long n, double fid) implements java.io.Serializable {
    }

    /** The extrapolated value and the points it was fitted on. */
    public record Result(double fidInfinity, double slope, List<Point> points) {
    }

    /**
     * @param generated statistics of the generated set, stratified
     * @param reference prepared reference statistics (full size)
     * @param extractor extractor id the features came from
     * @return the fit, or {@code null} when the generated set has fewer than {@link #MIN_SAMPLES}
     */
    public static Result compute(StratifiedStatistics generated, FrechetDistance reference, String extractor) {
        if (generated.count() < MIN_SAMPLES) {
            return null;
        }
        List<Point> points = new ArrayList<>();
        SimpleRegression fit = new SimpleRegression(true);
        for (int j = 1; j <= generated.strata(); j++) {
            FeatureStatistics subset = generated.firstStrata(j);
            if (subset.count() < 2) {
                continue;
            }
            double fid = reference.distanceTo(subset.toGaussian(extractor));
            points.add(new Point(subset.count(), fid));
            fit.addData(1.0 / subset.count(), fid);
        }
        if (points.size() < 3) {
            return null;
        }
        return new Result(fit.getIntercept(), fit.getSlope(), List.copyOf(points));
    }
}
