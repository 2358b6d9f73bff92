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
            int successes = (int) Math.round(mean * values.length);
            ConfidenceInterval ci = IntervalUtils.getWilsonScoreInterval(values.length, successes, o.level());
            return new SliceEstimate(mean, ci.getLowerBound(), ci.getUpperBound());
        }
        Bootstrap.Interval ci = Bootstrap.percentile(
                Bootstrap.means(values, o.bootstrap(), Seeds.derive(o.seed(), "slice/" + sliceName)), o.level());
        return new SliceEstimate(mean, ci.low(), ci.high());
    }
}
