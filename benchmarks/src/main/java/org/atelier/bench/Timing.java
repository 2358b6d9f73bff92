package org.atelier.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Wall-clock times of repeated runs of one case, in seconds, and their median and spread.
 * Quantiles interpolate linearly between order statistics (position (n − 1)·p in the sorted
 * times: numpy's default and Python's {@code statistics.quantiles(method="inclusive")}, which the
 * PyTorch script uses, so both sides summarise alike).
 *
 * @param seconds the runs in the order they were taken, at least one, each finite and ≥ 0
 */
public record Timing(List<Double> seconds) {
    public Timing {
        seconds = List.copyOf(seconds);
        if (seconds.isEmpty()) {
            throw new IllegalArgumentException("a timing needs at least one run");
        }
        for (double s : seconds) {
            if (!(s >= 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("run times must be finite and >= 0, got " + s);
            }
        }
    }

    public int count() {
        return seconds.size();
    }

    public double median() {
        return quantile(0.5);
    }

    public double min() {
        return quantile(0);
    }

    public double max() {
        return quantile(1);
    }

    /** Lower quartile. */
    public double q1() {
        return quantile(0.25);
    }

    /** Upper quartile. */
    public double q3() {
        return quantile(0.75);
    }

    /** Interquartile range over the median: a spread that one slow outlier does not dominate. */
    public double relativeSpread() {
        double m = median();
        return m == 0 ? 0 : (q3() - q1()) / m;
    }

    /** The p-quantile, p in [0, 1]. */
    public double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile level must be in [0, 1], got " + p);
        }
        double[] s = seconds.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        double pos = (s.length - 1) * p;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }
}
