package org.atelier.evaluation.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.atelier.core.errors.InvalidInputException;

/**
 * Observed slice counts against reference shares: each slice's share with its Wilson interval,
 * the reference share and their ratio (observed / reference: 1 reproduces, below 1 shrinks, above
 * 1 amplifies), Pearson's χ² goodness of fit (Commons Math; scipy's {@code chisquare}) and the
 * total variation distance ½ Σ |observed − reference|.
 *
 * <p>Slices whose reference share is 0 do not enter the χ² sum (its expected count would be 0);
 * if any sample falls into one, the observed counts are impossible under the reference and the
 * p-value is 0.
 *
 * @param level      the level of every interval
 * @param rows       slice → row, in the reference's order
 * @param chiSquare  the statistic (NaN with fewer than two slices of positive reference share)
 * @param pValue     its p-value with {@code slices − 1} degrees of freedom
 */
public record ShareComparison(int n, double level, Map<String, Row> rows, double chiSquare, int degreesOfFreedom,
                              double pValue, double totalVariation) {
    /** One slice: count, share and interval, the reference share and the ratio to it. */
    public record Row(String name, int count, double share, double ciLow, double ciHigh, double reference,
                      double ratio) {
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", count);
            m.put("share", share);
            m.put("ci_low", ciLow);
            m.put("ci_high", ciHigh);
            m.put("reference", reference);
            m.put("ratio", SliceStats.num(ratio));
            return m;
        }
    }

    public ShareComparison {
        rows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    /**
     * @param counts    slice → count; every slice of {@code reference} is looked up (absent = 0)
     * @param reference slice → share, summing to 1
     * @throws InvalidInputException when a counted slice has no reference share or nothing was counted
     */
    public static ShareComparison of(Map<String, Integer> counts, Map<String, Double> reference, double level) {
        for (String slice : counts.keySet()) {
            if (!reference.containsKey(slice) && counts.get(slice) > 0) {
                throw new InvalidInputException("slice '" + slice + "' was counted but has no reference share; "
                        + "the reference names " + String.join(", ", reference.keySet()));
            }
        }
        int n = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (n == 0) {
            throw new InvalidInputException("no samples counted, so no shares to compare");
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        List<Double> expected = new ArrayList<>();
        List<Long> observed = new ArrayList<>();
        boolean impossible = false;
        double tv = 0;
        for (Map.Entry<String, Double> e : reference.entrySet()) {
            int c = counts.getOrDefault(e.getKey(), 0);
            ShareTable.Share s = ShareTable.share(e.getKey(), c, n, level);
            double ref = e.getValue();
            rows.put(e.getKey(), new Row(e.getKey(), c, s.share(), s.ciLow(), s.ciHigh(), ref,
                    ref > 0 ? s.share() / ref : Double.NaN));
            tv += Math.abs(s.share() - ref);
            if (ref > 0) {
                expected.add(ref * n);
                observed.add((long) c);
            } else {
                impossible |= c > 0;
            }
        }
        double stat = Double.NaN;
        double p = Double.NaN;
        if (expected.size() >= 2) {
            double[] exp = expected.stream().mapToDouble(Double::doubleValue).toArray();
            long[] obs = observed.stream().mapToLong(Long::longValue).toArray();
            ChiSquareTest test = new ChiSquareTest();
            stat = test.chiSquare(exp, obs);
            p = impossible ? 0.0 : test.chiSquareTest(exp, obs);
        }
        return new ShareComparison(n, level, rows, stat, expected.size() - 1, p, tv / 2);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("interval", "wilson");
        m.put("level", level);
        Map<String, Object> r = new LinkedHashMap<>();
        rows.forEach((k, v) -> r.put(k, v.toJson()));
        m.put("slices", r);
        m.put("chi_square", SliceStats.num(chiSquare));
        m.put("degrees_of_freedom", degreesOfFreedom);
        m.put("p_value", SliceStats.num(pValue));
        m.put("total_variation", totalVariation);
        return m;
    }
}
