package org.atelier.evaluation.audit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.evaluation.stats.Bootstrap;
import org.atelier.evaluation.stats.PoissonBootstrap;

/**
 * A slice audit kept as sums, so that it can be computed in one streaming pass or in pieces and
 * merged: per slice of one attribute, the row count (shares with Wilson intervals, as
 * {@link ShareTable}) and, when a value column is given, the sum of the values and, per Poisson
 * bootstrap replicate ({@link PoissonBootstrap}), the sum of the weights and of the weighted
 * values — the mean's replicates. Counts and weights are integers, exact in any order; the
 * float64 sums of values are added in the order pieces are merged.
 *
 * <p>This is the part of an audit that aggregates: {@code SliceFrame}'s rank tests need every
 * value of a slice together and are not computed here.
 */
public final class SliceAggregate implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String attribute;
    private final String valueName; // null: shares only
    private final int resamples;
    private final long seed;
    private final TreeMap<String, Sums> slices = new TreeMap<>();
    private final Sums overall;

    /** One slice's sums. */
    private static final class Sums implements Serializable {
        private static final long serialVersionUID = 1L;
        long n;
        double sum;
        final long[] weight;
        final double[] weighted;

        Sums(int resamples) {
            weight = new long[resamples];
            weighted = new double[resamples];
        }

        void add(double value, int[] w) {
            n++;
            sum += value;
            for (int r = 0; r < w.length; r++) {
                weight[r] += w[r];
                weighted[r] += w[r] * value;
            }
        }

        void merge(Sums o) {
            n += o.n;
            sum += o.sum;
            for (int r = 0; r < weight.length; r++) {
                weight[r] += o.weight[r];
                weighted[r] += o.weighted[r];
            }
        }
    }

    /**
     * @param attribute the slice column
     * @param valueName the value column, or null for shares only
     * @param resamples Poisson bootstrap replicates of each slice's mean (ignored without values)
     * @param seed      seed of the replicate weights
     */
    public SliceAggregate(String attribute, String valueName, int resamples, long seed) {
        if (valueName != null && resamples < 1) {
            throw new InvalidInputException("--resamples must be at least 1, got " + resamples);
        }
        this.attribute = attribute;
        this.valueName = valueName;
        this.resamples = valueName == null ? 0 : resamples;
        this.seed = seed;
        this.overall = new Sums(this.resamples);
    }

    /**
     * Adds row {@code row} (its 0-based line index in the input file, which seeds its weights)
     * of slice {@code slice} with {@code value} (ignored for shares only).
     */
    public void add(long row, String slice, double value) {
        int[] w = resamples == 0 ? new int[0] : PoissonBootstrap.weights(seed, row, resamples);
        slices.computeIfAbsent(slice, s -> new Sums(resamples)).add(value, w);
        overall.add(value, w);
    }

    /** Adds another piece's sums into this one. */
    public void merge(SliceAggregate other) {
        other.slices.forEach((k, v) -> slices.computeIfAbsent(k, s -> new Sums(resamples)).merge(v));
        overall.merge(other.overall);
    }

    public long count() {
        return overall.n;
    }

    /** results.json's form: the share table, and per slice the mean with its Poisson bootstrap interval. */
    public Map<String, Object> toJson() {
        if (overall.n == 0) {
            throw new InvalidInputException("no rows to audit");
        }
        if (overall.n > Integer.MAX_VALUE) {
            throw new InvalidInputException("more than " + Integer.MAX_VALUE + " rows: the share table counts in int");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        slices.forEach((k, v) -> counts.put(k, (int) v.n));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attribute", attribute);
        m.put("n", overall.n);
        m.put("shares", ShareTable.of(attribute, counts, (int) overall.n).toJson());
        if (valueName != null) {
            m.put("value", valueName);
            m.put("overall", mean(overall));
            Map<String, Object> means = new LinkedHashMap<>();
            slices.forEach((k, v) -> means.put(k, mean(v)));
            m.put("means", means);
            m.put("interval", "percentile of " + resamples + " Poisson(1)-weighted bootstrap replicates, weights seeded by "
                    + "row (seed " + seed + ")");
            m.put("level", ShareTable.LEVEL);
        }
        return m;
    }

    private Map<String, Object> mean(Sums s) {
        List<Double> reps = new ArrayList<>();
        for (int r = 0; r < resamples; r++) {
            if (s.weight[r] > 0) { // a replicate that drew none of the slice's rows has no mean
                reps.add(s.weighted[r] / s.weight[r]);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", s.n);
        m.put("mean", s.sum / s.n);
        if (reps.isEmpty()) {
            m.put("ci95", null);
        } else {
            Bootstrap.Interval ci = Bootstrap.percentile(reps.stream().mapToDouble(Double::doubleValue).toArray(),
                    ShareTable.LEVEL);
            m.put("ci95", List.of(ci.low(), ci.high()));
        }
        m.put("replicates", reps.size());
        return m;
    }
}
