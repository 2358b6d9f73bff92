package org.atelier.evaluation.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.IntervalUtils;

/**
 * How often each value of one attribute occurs among n samples, each share with a Wilson score
 * interval (Commons Math): with a handful of samples per value, the usual case in audits, the
 * normal approximation gives intervals below 0 or above 1, the Wilson interval does not.
 *
 * @param attribute the column, e.g. {@code skin_group}
 * @param n         samples counted
 * @param rows      one per value, in the order the counts were given
 */
public record ShareTable(String attribute, int n, List<Share> rows) {
    /** The confidence level of every interval in the table. */
    public static final double LEVEL = 0.95;

    /** One value's count, share and interval. */
    public record Share(String value, int count, double share, double ciLow, double ciHigh)
            implements java.io.Serializable {
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", count);
            m.put("share", share);
            m.put("ci95", List.of(ciLow, ciHigh));
            return m;
        }
    }

    public ShareTable {
        rows = List.copyOf(rows);
    }

    /**
     * @param counts value → count, in the order the table should keep
     * @param n      samples counted (at least the counts' sum; more when some samples have no value)
     */
    public static ShareTable of(String attribute, Map<String, Integer> counts, int n) {
        return new ShareTable(attribute, n, counts.entrySet().stream()
                .map(e -> share(e.getKey(), e.getValue(), n)).toList());
    }

    /** A count of n with its Wilson interval at {@link #LEVEL}. */
    public static Share share(String value, int count, int n) {
        return share(value, count, n, LEVEL);
    }

    /** A count of n with its Wilson interval at {@code level}. */
    public static Share share(String value, int count, int n, double level) {
        ConfidenceInterval ci = IntervalUtils.getWilsonScoreInterval(n, count, level);
        return new Share(value, count, count / (double) n, ci.getLowerBound(), ci.getUpperBound());
    }

    /** The Wilson score interval of {@code successes} in {@code n} trials at {@link #LEVEL}. */
    public static ConfidenceInterval wilson(int n, int successes) {
        return IntervalUtils.getWilsonScoreInterval(n, successes, LEVEL);
    }

    /** value → {count, share, ci95: [low, high]}, as results.json writes it. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r.value(), r.toJson()));
        return out;
    }
}
