package org.atelier.evaluation.audit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.datasets.Slices;
import org.atelier.evaluation.stats.Bootstrap;
import org.atelier.evaluation.stats.PoissonBootstrap;

/**
 * A slice audit kept as sums, so that it can be computed in one streaming pass or in pieces and
 * merged: per slice of one or more attribute columns, the row count (shares with Wilson
 * intervals) and, when a value column is given, the sum of the values, their running mean and sum
 * of squared deviations (Welch's test), and per Poisson bootstrap replicate
 * ({@link PoissonBootstrap}) the sum of the weights and of the weighted values — the mean's
 * replicates. Counts and weights are integers, exact in any order; float64 sums are added in the
 * order pieces are merged.
 *
 * <p>Two readings: {@link #toJson()} (the share table and Poisson-bootstrap means of the
 * deprecated {@code metrics slices}) and {@link #toFrame} (a {@link SliceFrame}, as
 * {@code audit slices} prints it). Rank tests need every value of a slice together, which is
 * not an aggregation: a frame from sums tests means with Welch's t.
 */
public final class SliceAggregate implements Serializable {
    private static final long serialVersionUID = 2L;

    private final List<String> by;
    private final String valueName; // null: shares only
    private final int resamples;
    private final long seed;
    // Slices::naturalOrder, as SliceFrame lists slices; the cast makes the comparator travel with a Spark task's result
    private final TreeMap<String, Sums> slices = new TreeMap<>((Comparator<String> & Serializable) Slices::naturalOrder);
    private final Sums overall;

    /** One slice's sums. */
    static final class Sums implements Serializable {
        private static final long serialVersionUID = 2L;
        final List<String> parts;
        long n;
        double sum;
        double mean; // Welford's running mean and sum of squared deviations, merged by Chan's formula
        double m2;
        boolean binary = true;
        final long[] weight;
        final double[] weighted;

        Sums(List<String> parts, int resamples) {
            this.parts = parts;
            weight = new long[resamples];
            weighted = new double[resamples];
        }

        void add(double value, int[] w) {
            n++;
            sum += value;
            double d = value - mean;
            mean += d / n;
            m2 += d * (value - mean);
            binary &= value == 0.0 || value == 1.0;
            for (int r = 0; r < w.length; r++) {
                weight[r] += w[r];
                weighted[r] += w[r] * value;
            }
        }

        void merge(Sums o) {
            if (o.n == 0) {
                return;
            }
            long total = n + o.n;
            double d = o.mean - mean;
            m2 += o.m2 + d * d * ((double) n * o.n / total);
            mean += d * o.n / total;
            n = total;
            sum += o.sum;
            binary &= o.binary;
            for (int r = 0; r < weight.length; r++) {
                weight[r] += o.weight[r];
                weighted[r] += o.weighted[r];
            }
        }

        /** The replicate means of the replicates that drew at least one of the slice's rows. */
        double[] replicateMeans() {
            List<Double> reps = new ArrayList<>();
            for (int r = 0; r < weight.length; r++) {
                if (weight[r] > 0) { // a replicate that drew none of the slice's rows has no mean
                    reps.add(weighted[r] / weight[r]);
                }
            }
            return reps.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /**
     * @param by        the slice columns
     * @param valueName the value column, or null for shares only
     * @param resamples Poisson bootstrap replicates of each slice's mean (ignored without values)
     * @param seed      seed of the replicate weights
     */
    public SliceAggregate(List<String> by, String valueName, int resamples, long seed) {
        if (valueName != null && resamples < 1) {
            throw new InvalidInputException("--resamples must be at least 1, got " + resamples);
        }
        this.by = List.copyOf(by);
        this.valueName = valueName;
        this.resamples = valueName == null ? 0 : resamples;
        this.seed = seed;
        this.overall = new Sums(List.of(), this.resamples);
    }

    /**
     * Adds {@code r}, read at {@code row} (its 0-based line index in the input file, which seeds
     * its weights, so that they do not depend on how the file was split).
     */
    public void add(long row, SliceCsv.Row r) {
        int[] w = resamples == 0 ? new int[0] : PoissonBootstrap.weights(seed, row, resamples);
        slices.computeIfAbsent(r.slice(), s -> new Sums(r.parts(), resamples)).add(r.value(), w);
        overall.add(r.value(), w);
    }

    /** Adds another piece's sums into this one. */
    public void merge(SliceAggregate other) {
        other.slices.forEach((k, v) -> slices.computeIfAbsent(k, s -> new Sums(v.parts, resamples)).merge(v));
        overall.merge(other.overall);
    }

    public long count() {
        return overall.n;
    }

    /** results.json's form: the share table, and per slice the mean with its Poisson bootstrap interval. */
    public Map<String, Object> toJson() {
        requireRows();
        Map<String, Integer> counts = new LinkedHashMap<>();
        slices.forEach((k, v) -> counts.put(k, (int) v.n));
        String attribute = String.join(",", by);
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

    /**
     * The {@link SliceFrame} of these sums: shares, their Wilson intervals and χ² tests are the
     * ones {@link SliceFrame#of} computes from the values (the counts are the same integers);
     * means take the percentile interval of the Poisson replicates and Welch's test from the
     * slices' moments. {@code o}'s bootstrap and seed must be the ones these sums were made with.
     *
     * @throws org.atelier.core.errors.InvalidSettingException for a rank test, which sums cannot give
     */
    public SliceFrame toFrame(SliceOptions o) {
        requireRows();
        if (valueName == null) {
            throw new InvalidInputException("a slice frame needs a value column");
        }
        if (o.bootstrap() != resamples || o.seed() != seed) {
            throw new IllegalArgumentException("options of " + o.bootstrap() + " resamples, seed " + o.seed()
                    + " for sums of " + resamples + ", seed " + seed);
        }
        return SliceFrame.ofSums(valueName, by, overall, slices, o);
    }

    private void requireRows() {
        if (overall.n == 0) {
            throw new InvalidInputException("no rows to audit");
        }
        if (overall.n > Integer.MAX_VALUE) {
            throw new InvalidInputException("more than " + Integer.MAX_VALUE + " rows: the share table counts in int");
        }
    }

    private Map<String, Object> mean(Sums s) {
        double[] reps = s.replicateMeans();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", s.n);
        m.put("mean", s.sum / s.n);
        if (reps.length == 0) {
            m.put("ci95", null);
        } else {
            Bootstrap.Interval ci = Bootstrap.percentile(reps, ShareTable.LEVEL);
            m.put("ci95", List.of(ci.low(), ci.high()));
        }
        m.put("replicates", reps.length);
        return m;
    }
}
