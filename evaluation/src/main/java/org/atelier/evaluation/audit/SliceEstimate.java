package org.atelier.evaluation.audit;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.IntervalUtils;
import org.atelier.core.random.Seeds;
import org.atelier.evaluation.stats.Bootstrap;

/**
 * The value of one slice with its interval: for shares, the Wilson score interval (exact enough
 * at a handful of samples, never outside [0, 1]); for means, the seeded percentile bootstrap, with
 * resamples drawn from the run's seed and the slice's name, so adding a slice does not move the
 * intervals of the others.
 */
record SliceEstimate(double value, double low, double high) {
    static final SliceEstimate NONE = new SliceEstimate(Double.NaN, Double.NaN, Double.NaN);

    static SliceEstimate of(double[] values, SliceOptions.Measure measure, SliceOptions o, String sliceName) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        if (measure == SliceOptions.Measure.SHARE) {
            return share(mean, values.length, o);
        }
        Bootstrap.Interval ci = Bootstrap.percentile(
                Bootstrap.means(values, o.bootstrap(), Seeds.derive(o.seed(), "slice/" + sliceName)), o.level());
        return new SliceEstimate(mean, ci.low(), ci.high());
    }

    /**
     * From merged sums: a share is the same number as from the values (a sum of 0s and 1s is an
     * exact integer); a mean's interval is the percentile of its Poisson bootstrap replicates.
     */
    static SliceEstimate ofSums(SliceAggregate.Sums s, SliceOptions.Measure measure, SliceOptions o) {
        double mean = s.sum / s.n;
        if (measure == SliceOptions.Measure.SHARE) {
            return share(mean, (int) s.n, o);
        }
        double[] reps = s.replicateMeans();
        if (reps.length == 0) {
            return new SliceEstimate(mean, Double.NaN, Double.NaN);
        }
        Bootstrap.Interval ci = Bootstrap.percentile(reps, o.level());
        return new SliceEstimate(mean, ci.low(), ci.high());
    }

    private static SliceEstimate share(double share, int n, SliceOptions o) {
        int successes = (int) Math.round(share * n);
        ConfidenceInterval ci = IntervalUtils.getWilsonScoreInterval(n, successes, o.level());
        return new SliceEstimate(share, ci.getLowerBound(), ci.getUpperBound());
    }
}
