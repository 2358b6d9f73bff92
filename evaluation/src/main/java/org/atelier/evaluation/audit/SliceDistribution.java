package org.atelier.evaluation.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.core.errors.InvalidSettingException;
import org.atelier.core.random.Seeds;
import org.atelier.evaluation.distribution.FeatureStatistics;
import org.atelier.evaluation.distribution.FidBootstrap;
import org.atelier.evaluation.distribution.FrechetDistance;
import org.atelier.evaluation.distribution.KidBootstrap;
import org.atelier.evaluation.stats.Bootstrap;

/**
 * Distribution quality per slice: within each slice, how far a generator's samples (assigned to
 * the slice by a classifier's reading) lie from real images of that slice, as KID and FID on the
 * same extractor's features, each with a bootstrap interval over the generated samples
 * ({@link KidBootstrap}, {@link FidBootstrap}); and between slices, each slice's KID against the
 * best (lowest) slice's, as a difference with an interval and a ratio.
 *
 * <p>KID is the measure to compare slices by: it is unbiased at any N, while FID at N below the
 * feature dimension is biased upwards by an amount that grows as N shrinks, so two slices with
 * different sample counts differ in FID even when their samples are equally good; such FIDs are
 * flagged {@code fid_biased}. A slice with fewer generated samples than {@code minSize} is
 * reported "too small" and not estimated.
 *
 * <p>The difference of a slice to the best one is the percentile interval of the differences of
 * their replicates taken in pairs: the slices' samples are disjoint and resampled independently, so
 * pairing replicate r of one with replicate r of the other draws from the joint distribution.
 *
 * @param attribute the attribute the slices are values of
 * @param extractor the features' extractor id
 * @param dimension the feature dimension
 * @param overall   every generated sample against the real overall set
 * @param slices    slice → its row, in the order the real slices were given
 * @param best      the estimated slice with the lowest KID (null when none is estimated)
 * @param options   the settings
 */
public record SliceDistribution(String attribute, String extractor, int dimension, Row overall, Map<String, Row> slices,
                                String best, Options options) {
    /**
     * @param minSize     generated samples below which a slice is too small (at least 2)
     * @param kidSubsets  KID's subsets for each value
     * @param resamples   bootstrap replicates of KID (at least 20)
     * @param fidResamples bootstrap replicates of FID; 0 leaves FID out
     * @param level       level of every interval
     * @param seed        seed of every draw; each slice's derive from it and the slice's name
     */
    public record Options(int minSize, int kidSubsets, int resamples, int fidResamples, double level, long seed) {
        public Options {
            if (minSize < 2) {
                throw new InvalidSettingException("min_size", "must be at least 2 (KID needs pairs), got " + minSize);
            }
            if (kidSubsets < 1) {
                throw new InvalidSettingException("kid_subsets", "must be at least 1, got " + kidSubsets);
            }
            if (resamples < 20) {
                throw new InvalidSettingException("resamples", "must be at least 20, got " + resamples);
            }
            if (fidResamples != 0 && fidResamples < 20) {
                throw new InvalidSettingException("fid_resamples", "must be 0 (no FID) or at least 20, got " + fidResamples);
            }
        }
    }

    /** A value and its interval (NaN when not estimated). */
    public record Estimate(double value, double low, double high) {
        static final Estimate NONE = new Estimate(Double.NaN, Double.NaN, Double.NaN);

        /** Whether the interval lies wholly above 0. */
        public boolean aboveZero() {
            return low > 0;
        }

        Object toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", SliceStats.num(value));
            m.put("ci_low", SliceStats.num(low));
            m.put("ci_high", SliceStats.num(high));
            return m;
        }
    }

    /**
     * One slice (or the overall row).
     *
     * @param generated         generated samples read as this slice
     * @param real              real images of the slice
     * @param kid               KID with its interval
     * @param fid               FID with its basic bootstrap interval (NONE when FID is off)
     * @param fidBiased         whether {@code generated} is below the feature dimension
     * @param kidDifference     KID − the best slice's KID, with the paired interval (NONE for the best
     *                          slice itself and the overall row)
     * @param kidRatio          KID / the best slice's KID (NaN when that is not above 0)
     * @param kidReplicates     the KID replicates (empty when not estimated)
     */
    public record Row(String name, int generated, int real, boolean tooSmall, Estimate kid, Estimate fid,
                      boolean fidBiased, Estimate kidDifference, double kidRatio, double[] kidReplicates) {
        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n_generated", generated);
            m.put("n_real", real);
            m.put("too_small", tooSmall);
            m.put("kid", kid.toJson());
            m.put("fid", fid.toJson());
            m.put("fid_biased", fidBiased);
            m.put("kid_difference_to_best", kidDifference.toJson());
            m.put("kid_ratio_to_best", SliceStats.num(kidRatio));
            return m;
        }
    }

    /**
     * @param generated         generated features, one row per sample
     * @param generatedSlices   the slice each generated sample was read as, aligned with {@code generated}
     * @param realBySlice       slice → real features of that slice (the slices reported, in order)
     * @param realOverall       real features for the overall row (the slices at their natural shares)
     */
    public static SliceDistribution of(String attribute, String extractor, float[][] generated,
                                       List<String> generatedSlices, Map<String, float[][]> realBySlice,
                                       float[][] realOverall, Options o) {
        if (generated.length != generatedSlices.size()) {
            throw new IllegalArgumentException(generated.length + " generated rows but " + generatedSlices.size()
                    + " readings");
        }
        int d = generated.length > 0 ? generated[0].length : realOverall[0].length;
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Map.Entry<String, float[][]> e : realBySlice.entrySet()) {
            List<float[]> mine = new ArrayList<>();
            for (int i = 0; i < generated.length; i++) {
                if (generatedSlices.get(i).equals(e.getKey())) {
                    mine.add(generated[i]);
                }
            }
            rows.put(e.getKey(), row(e.getKey(), mine.toArray(new float[0][]), e.getValue(), extractor, o));
        }
        String best = null;
        for (Row r : rows.values()) {
            if (!r.tooSmall() && (best == null || r.kid().value() < rows.get(best).kid().value())) {
                best = r.name();
            }
        }
        if (best != null) {
            Row b = rows.get(best);
            for (Map.Entry<String, Row> e : rows.entrySet()) {
                Row r = e.getValue();
                if (r.tooSmall() || r.name().equals(best)) {
                    continue;
                }
                double[] diff = new double[r.kidReplicates().length];
                for (int k = 0; k < diff.length; k++) {
                    diff[k] = r.kidReplicates()[k] - b.kidReplicates()[k];
                }
                Bootstrap.Interval ci = Bootstrap.percentile(finite(diff), o.level());
                e.setValue(new Row(r.name(), r.generated(), r.real(), false, r.kid(), r.fid(), r.fidBiased(),
                        new Estimate(r.kid().value() - b.kid().value(), ci.low(), ci.high()),
                        b.kid().value() > 0 ? r.kid().value() / b.kid().value() : Double.NaN, r.kidReplicates()));
            }
        }
        Row overall = row("overall", generated, realOverall, extractor, o);
        return new SliceDistribution(attribute, extractor, d, overall, rows, best, o);
    }

    /** The slices whose KID is clearly above the best slice's: the difference's interval excludes 0. */
    public List<Row> worseThanBest() {
        return slices.values().stream().filter(r -> r.kidDifference().aboveZero()).toList();
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attribute", attribute);
        m.put("extractor", extractor);
        m.put("dimension", dimension);
        m.put("level", options.level());
        m.put("kid", "mean of unbiased MMD² over " + options.kidSubsets() + " subsets; interval: percentile bootstrap "
                + "of the whole-set MMD² over the generated samples, " + options.resamples() + " resamples");
        m.put("fid", options.fidResamples() == 0 ? "not computed" : "basic bootstrap interval, " + options.fidResamples()
                + " resamples of the generated samples; biased upwards below " + dimension + " samples");
        m.put("min_size", options.minSize());
        m.put("seed", options.seed());
        m.put("overall", overall.toJson());
        Map<String, Object> s = new LinkedHashMap<>();
        slices.forEach((k, v) -> s.put(k, v.toJson()));
        m.put("slices", s);
        m.put("best_slice", best);
        m.put("worse_than_best", worseThanBest().stream().map(Row::name).toList());
        return m;
    }

    private static Row row(String name, float[][] generated, float[][] real, String extractor, Options o) {
        if (generated.length < o.minSize() || real.length < 2) {
            return new Row(name, generated.length, real.length, true, Estimate.NONE, Estimate.NONE,
                    false, Estimate.NONE, Double.NaN, new double[0]);
        }
        KidBootstrap.Result kid = KidBootstrap.compute(generated, real, o.kidSubsets(), o.resamples(), o.level(),
                Seeds.derive(o.seed(), "slice-kid/" + name));
        Estimate fid = Estimate.NONE;
        if (o.fidResamples() > 0) {
            FeatureStatistics stats = new FeatureStatistics(real[0].length);
            stats.addAll(real);
            FidBootstrap.Result f = FidBootstrap.compute(generated, FrechetDistance.prepare(stats.toGaussian(extractor)),
                    extractor, o.fidResamples(), o.level(), Seeds.derive(o.seed(), "slice-fid/" + name));
            fid = new Estimate(f.fid(), f.interval().low(), f.interval().high());
        }
        return new Row(name, generated.length, real.length, false,
                new Estimate(kid.kid().mean(), kid.interval().low(), kid.interval().high()), fid,
                generated.length < generated[0].length, Estimate.NONE, Double.NaN, kid.replicates());
    }

    private static double[] finite(double[] v) {
        return java.util.Arrays.stream(v).filter(Double::isFinite).toArray();
    }
}
