package org.atelier.evaluation.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.errors.InvalidSettingException;
import org.atelier.evaluation.stats.MultipleTesting;

/**
 * A per-sample value broken down by slices of one or more attribute columns, after Fairlearn's
 * {@code MetricFrame}: the overall value, and per slice its size, mean (or share of 1s) with an
 * interval, its difference and ratio to a reference (the overall value or one slice), a test
 * against its comparison group with p-values adjusted across the frame, and a disparity flag when
 * the ratio leaves a band (Aequitas' [0.8, 1.25] by default). The summaries between the extreme
 * slices and to the overall value are Fairlearn's {@code difference/ratio(method="between_groups" |
 * "to_overall")}, over the slices large enough to estimate.
 *
 * <p>Whatever the input, the result has the same shape: {@link #slices()} maps every slice name
 * to a {@link SliceStats}, too-small slices included.
 *
 * @param valueName what the values are, e.g. {@code psnr_hole} or {@code selected}
 * @param by        the attribute columns; with more than one, slices are their intersections
 * @param measure   MEAN or SHARE (never AUTO: resolved from the values)
 * @param overall   the whole frame as one row (difference 0, ratio 1, not tested)
 * @param slices    slice name → its row, in natural order of the names
 * @param summary   the extremes and the four Fairlearn summaries
 * @param options   the options the frame was made with
 * @param meanInterval how a mean's interval was drawn, in words (results.json's {@code interval} for means)
 */
public record SliceFrame(String valueName, List<String> by, SliceOptions.Measure measure, SliceStats overall,
                         Map<String, SliceStats> slices, Summary summary, SliceOptions options, String meanInterval) {
    /** Fairlearn's summaries; slice names are null and numbers NaN when fewer than one slice is estimated. */
    public record Summary(String minSlice, String maxSlice, double differenceBetweenGroups, double ratioBetweenGroups,
                          double differenceToOverall, double ratioToOverall) {
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("min_slice", minSlice);
            m.put("max_slice", maxSlice);
            m.put("difference_between_groups", SliceStats.num(differenceBetweenGroups));
            m.put("ratio_between_groups", SliceStats.num(ratioBetweenGroups));
            m.put("difference_to_overall", SliceStats.num(differenceToOverall));
            m.put("ratio_to_overall", SliceStats.num(ratioToOverall));
            return m;
        }
    }

    public SliceFrame {
        by = List.copyOf(by);
        slices = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(slices));
    }

    /**
     * @param values     one finite value per sample (for shares, 0 or 1)
     * @param attributes one map of column → value per sample, aligned with {@code values}
     * @throws InvalidInputException on misaligned or non-finite input, a missing column, or a
     *                               reference slice that does not occur
     */
    public static SliceFrame of(String valueName, double[] values, List<Map<String, String>> attributes, List<String> by,
                                SliceOptions o) {
        if (values.length != attributes.size()) {
            throw new InvalidInputException(valueName + ": " + values.length + " values but " + attributes.size()
                    + " attribute rows; they must be aligned, one per sample");
        }
        if (values.length == 0) {
            throw new InvalidInputException(valueName + ": no samples to slice");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new InvalidInputException(valueName + ": row " + (i + 1) + " is " + values[i] + "; expected a finite number");
            }
        }
        SliceOptions.Measure measure = resolve(o.measure(), binary(values), valueName);
        Map<String, SliceGroups.Group> groups = SliceGroups.of(attributes, by);
        Map<String, Map<String, String>> sliceValues = new LinkedHashMap<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        groups.forEach((name, g) -> {
            sliceValues.put(name, g.values());
            sizes.put(name, g.rows().length);
        });
        requireReference(o, sizes);
        SliceEstimate all = SliceEstimate.of(values, measure, o, "overall");
        Map<String, SliceEstimate> est = new LinkedHashMap<>();
        groups.forEach((name, g) -> est.put(name, g.rows().length < o.minSize() ? SliceEstimate.NONE
                : SliceEstimate.of(pick(values, g.rows()), measure, o, name)));
        return assemble(valueName, by, measure, o, values.length, all, sliceValues, sizes, est,
                name -> SliceTests.pValue(pick(values, groups.get(name).rows()),
                        comparison(values, groups, name, o.reference()), measure, o.valueTest()),
                "percentile bootstrap, " + o.bootstrap() + " resamples, seed " + o.seed());
    }

    /**
     * The frame of merged sums ({@link SliceAggregate#toFrame}): shares and their intervals and
     * tests as {@link #of} gives them (they depend only on counts); means with the percentile
     * interval of the Poisson replicates and Welch's test from the slices' moments.
     */
    static SliceFrame ofSums(String valueName, List<String> by, SliceAggregate.Sums overallSums,
                             Map<String, SliceAggregate.Sums> sums, SliceOptions o) {
        SliceOptions.Measure measure = resolve(o.measure(), overallSums.binary, valueName);
        if (measure == SliceOptions.Measure.MEAN && o.valueTest() == SliceOptions.ValueTest.MANN_WHITNEY) {
            throw new InvalidSettingException("test", "mann-whitney ranks every value of a slice together, which a "
                    + "sharded aggregation does not gather; use welch (Welch's t from per-slice moments)");
        }
        Map<String, Map<String, String>> sliceValues = new LinkedHashMap<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sums.forEach((name, s) -> {
            Map<String, String> v = new LinkedHashMap<>();
            for (int i = 0; i < by.size(); i++) {
                v.put(by.get(i), s.parts.get(i));
            }
            sliceValues.put(name, v);
            sizes.put(name, (int) s.n);
        });
        requireReference(o, sizes);
        SliceEstimate all = SliceEstimate.ofSums(overallSums, measure, o);
        Map<String, SliceEstimate> est = new LinkedHashMap<>();
        sums.forEach((name, s) -> est.put(name, s.n < o.minSize() ? SliceEstimate.NONE
                : SliceEstimate.ofSums(s, measure, o)));
        return assemble(valueName, by, measure, o, (int) overallSums.n, all, sliceValues, sizes, est,
                name -> SliceTests.pValue(sums.get(name), comparison(sums, name, o.reference()), measure, o.valueTest()),
                "percentile of " + o.bootstrap() + " Poisson(1)-weighted bootstrap replicates, weights seeded by row, "
                        + "seed " + o.seed());
    }

    private static void requireReference(SliceOptions o, Map<String, Integer> sizes) {
        if (!o.reference().overall() && !sizes.containsKey(o.reference().slice())) {
            throw new InvalidSettingException("reference", "names slice '" + o.reference().slice() + "', which does not "
                    + "occur; slices: " + String.join(", ", sizes.keySet()));
        }
    }

    /** Differences, ratios, adjusted tests, flags and summaries: the same rules whatever made the estimates. */
    private static SliceFrame assemble(String valueName, List<String> by, SliceOptions.Measure measure, SliceOptions o,
                                       int total, SliceEstimate all, Map<String, Map<String, String>> sliceValues,
                                       Map<String, Integer> sizes, Map<String, SliceEstimate> est,
                                       java.util.function.ToDoubleFunction<String> test, String meanInterval) {
        if (!o.reference().overall() && Double.isNaN(est.get(o.reference().slice()).value())) {
            throw new InvalidSettingException("reference", "slice '" + o.reference().slice() + "' has "
                    + sizes.get(o.reference().slice()) + " samples, fewer than the minimum size "
                    + o.minSize() + "; choose another reference or lower min_size");
        }
        double ref = o.reference().overall() ? all.value() : est.get(o.reference().slice()).value();

        List<String> names = new ArrayList<>(sizes.keySet());
        double[] p = new double[names.size()];
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k);
            boolean skip = Double.isNaN(est.get(name).value()) || name.equals(o.reference().slice());
            p[k] = skip ? Double.NaN : test.applyAsDouble(name);
        }
        double[] adjusted = MultipleTesting.adjust(p, o.correction());
        Map<String, SliceStats> rows = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k);
            SliceEstimate e = est.get(name);
            boolean small = sizes.get(name) < o.minSize();
            double ratio = ref == 0 ? Double.NaN : e.value() / ref;
            boolean flagged = !small && Double.isFinite(ratio) && (ratio < o.disparityLow() || ratio > o.disparityHigh());
            rows.put(name, new SliceStats(name, sliceValues.get(name), sizes.get(name), small, e.value(), e.low(),
                    e.high(), e.value() - ref, ratio, p[k], adjusted[k], flagged));
        }
        SliceStats overall = new SliceStats("overall", Map.of(), total, false, all.value(), all.low(), all.high(),
                all.value() - ref, ref == 0 ? Double.NaN : all.value() / ref, Double.NaN, Double.NaN, false);
        return new SliceFrame(valueName, by, measure, overall, rows, summary(rows, all.value()), o, meanInterval);
    }

    /**
     * Frames that form one family of comparisons (several metrics on the same slices): each
     * slice's p-value adjusted by {@code method} across every slice of every frame, instead of
     * within its own frame. Estimates, intervals and flags are unchanged.
     */
    public static Map<String, SliceFrame> adjustTogether(Map<String, SliceFrame> frames, MultipleTesting.Method method) {
        List<Double> p = new ArrayList<>();
        frames.values().forEach(f -> f.slices().values().forEach(s -> p.add(s.pValue())));
        double[] adjusted = MultipleTesting.adjust(p.stream().mapToDouble(Double::doubleValue).toArray(), method);
        Map<String, SliceFrame> out = new LinkedHashMap<>();
        int k = 0;
        for (Map.Entry<String, SliceFrame> e : frames.entrySet()) {
            SliceFrame f = e.getValue();
            Map<String, SliceStats> rows = new LinkedHashMap<>();
            for (SliceStats s : f.slices().values()) {
                rows.put(s.name(), s.withPAdjusted(adjusted[k++]));
            }
            out.put(e.getKey(), f.withAdjustedSlices(rows, method));
        }
        return out;
    }

    /** This frame with its slices replaced by {@code rows}, adjusted by {@code method}; the rest kept. */
    private SliceFrame withAdjustedSlices(Map<String, SliceStats> rows, MultipleTesting.Method method) {
        return new SliceFrame(valueName, by, measure, overall, rows, summary,
                options.withTests(options.valueTest(), method), meanInterval);
    }

    /** The slices large enough to estimate. */
    public List<SliceStats> estimated() {
        return slices.values().stream().filter(s -> !s.tooSmall()).toList();
    }

    /** The slices whose ratio to the reference leaves the disparity band. */
    public List<SliceStats> flagged() {
        return slices.values().stream().filter(SliceStats::disparity).toList();
    }

    /** results.json's form: the per-slice objects keyed by slice name, the overall row and the summary. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", valueName);
        m.put("by", by);
        m.put("measure", measure.name().toLowerCase(java.util.Locale.ROOT));
        m.put("reference", options.reference().toString());
        m.put("interval", measure == SliceOptions.Measure.SHARE ? "wilson" : meanInterval);
        m.put("level", options.level());
        m.put("test", measure == SliceOptions.Measure.SHARE ? "chi-squared 2x2" : options.valueTest().id());
        m.put("correction", options.correction().id());
        m.put("min_size", options.minSize());
        m.put("disparity_band", List.of(options.disparityLow(), options.disparityHigh()));
        m.put("overall", overall.toJson());
        Map<String, Object> s = new LinkedHashMap<>();
        slices.forEach((k, v) -> s.put(k, v.toJson()));
        m.put("slices", s);
        m.put("summary", summary.toJson());
        return m;
    }

    private static boolean binary(double[] values) {
        boolean binary = true;
        for (double v : values) {
            binary &= v == 0.0 || v == 1.0;
        }
        return binary;
    }

    private static SliceOptions.Measure resolve(SliceOptions.Measure asked, boolean binary, String valueName) {
        if (asked == SliceOptions.Measure.SHARE && !binary) {
            throw new InvalidInputException(valueName + ": a share needs values of 0 or 1, and some are not");
        }
        if (asked == SliceOptions.Measure.AUTO) {
            return binary ? SliceOptions.Measure.SHARE : SliceOptions.Measure.MEAN;
        }
        return asked;
    }

    /** What a slice is tested against: the reference slice, or (reference overall) every other sample. */
    private static double[] comparison(double[] values, Map<String, SliceGroups.Group> groups, String name,
                                       SliceOptions.Reference reference) {
        if (!reference.overall()) {
            return pick(values, groups.get(reference.slice()).rows());
        }
        double[] rest = new double[values.length - groups.get(name).rows().length];
        int j = 0;
        for (Map.Entry<String, SliceGroups.Group> e : groups.entrySet()) {
            if (!e.getKey().equals(name)) {
                for (int i : e.getValue().rows()) {
                    rest[j++] = values[i];
                }
            }
        }
        return rest;
    }

    /** {@link #comparison} from sums: the reference slice's, or every other slice's merged. */
    private static SliceAggregate.Sums comparison(Map<String, SliceAggregate.Sums> sums, String name,
                                                  SliceOptions.Reference reference) {
        if (!reference.overall()) {
            return sums.get(reference.slice());
        }
        SliceAggregate.Sums rest = new SliceAggregate.Sums(List.of(), sums.get(name).weight.length);
        sums.forEach((k, v) -> {
            if (!k.equals(name)) {
                rest.merge(v);
            }
        });
        return rest;
    }

    private static Summary summary(Map<String, SliceStats> rows, double overall) {
        SliceStats min = null;
        SliceStats max = null;
        double toOverallDiff = Double.NaN;
        double toOverallRatio = Double.NaN;
        for (SliceStats s : rows.values()) {
            if (s.tooSmall()) {
                continue;
            }
            min = min == null || s.value() < min.value() ? s : min;
            max = max == null || s.value() > max.value() ? s : max;
            double d = Math.abs(s.value() - overall);
            toOverallDiff = Double.isNaN(toOverallDiff) ? d : Math.max(toOverallDiff, d);
            double r = Math.min(s.value() / overall, overall / s.value());
            toOverallRatio = Double.isNaN(toOverallRatio) ? r : Math.min(toOverallRatio, r);
        }
        if (min == null) {
            return new Summary(null, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Summary(min.name(), max.name(), max.value() - min.value(), min.value() / max.value(),
                toOverallDiff, toOverallRatio);
    }

    private static double[] pick(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }
}
