package org.atelier.evaluation.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One slice of a {@link SliceFrame}. A slice below the frame's minimum size keeps its {@code n}
 * and has NaN in every estimate ({@code tooSmall} true): it is listed, never silently estimated.
 *
 * @param name       the slice's values joined by " × " ({@code dark × old}); "overall" for the whole frame
 * @param values     column → value of this slice (empty for the overall row)
 * @param n          samples in the slice
 * @param value      the mean, or the share of 1s
 * @param ciLow      lower end of the interval at the frame's level (Wilson for shares, bootstrap for means)
 * @param ciHigh     upper end
 * @param difference value − the reference value
 * @param ratio      value / the reference value (NaN when the reference is 0)
 * @param pValue     two-sided p-value of the slice against its comparison group (NaN: not tested)
 * @param pAdjusted  {@code pValue} adjusted across every comparison in the frame
 * @param disparity  whether {@code ratio} lies outside the frame's disparity band
 */
public record SliceStats(String name, Map<String, String> values, int n, boolean tooSmall, double value, double ciLow,
                         double ciHigh, double difference, double ratio, double pValue, double pAdjusted,
                         boolean disparity) {
    public SliceStats {
        values = Map.copyOf(values);
    }

    /** This slice with its p-value adjusted in a larger family of comparisons; everything else kept. */
    public SliceStats withPAdjusted(double adjusted) {
        return new SliceStats(name, values, n, tooSmall, value, ciLow, ciHigh, difference, ratio, pValue, adjusted,
                disparity);
    }

    /** The JSON object of one slice: NaN is written as null, so a reader never parses "NaN". */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("too_small", tooSmall);
        m.put("mean", num(value));
        m.put("ci_low", num(ciLow));
        m.put("ci_high", num(ciHigh));
        m.put("difference", num(difference));
        m.put("ratio", num(ratio));
        m.put("p_value", num(pValue));
        m.put("p_adjusted", num(pAdjusted));
        m.put("disparity", disparity);
        if (!values.isEmpty()) {
            m.put("values", new LinkedHashMap<>(values));
        }
        return m;
    }

    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
