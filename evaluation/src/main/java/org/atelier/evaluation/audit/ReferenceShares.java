package org.atelier.evaluation.audit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.atelier.core.errors.InvalidSettingException;

/**
 * The distribution an audit compares observed shares with, as users spell it: {@code uniform}, or
 * {@code light:0.8,medium:0.1,dark:0.1} (relative shares, normalised; slices left out get 0).
 */
public final class ReferenceShares {
    public static final String UNIFORM = "uniform";

    private ReferenceShares() {
    }

    /**
     * @param slices every slice the audit counts, in the order rows should keep
     * @throws InvalidSettingException for a malformed pair, an unknown slice, a negative share or all zeros
     */
    public static Map<String, Double> parse(String spec, Collection<String> slices) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (spec == null || spec.equals(UNIFORM)) {
            slices.forEach(s -> out.put(s, 1.0 / slices.size()));
            return out;
        }
        Map<String, Double> given = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            int colon = pair.lastIndexOf(':');
            String name = colon < 1 ? "" : pair.substring(0, colon).trim();
            double share;
            try {
                share = Double.parseDouble(pair.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                share = Double.NaN;
            }
            if (name.isEmpty() || !(share >= 0) || Double.isInfinite(share)) {
                throw new InvalidSettingException("reference", "'" + pair + "' is not SLICE:SHARE with a share >= 0; "
                        + "expected 'uniform' or e.g. light:0.8,medium:0.1,dark:0.1");
            }
            if (!slices.contains(name)) {
                throw new InvalidSettingException("reference", "names slice '" + name + "', which is not one of "
                        + String.join(", ", slices));
            }
            given.put(name, share);
        }
        double sum = given.values().stream().mapToDouble(Double::doubleValue).sum();
        if (!(sum > 0)) {
            throw new InvalidSettingException("reference", "shares must not all be zero: '" + spec + "'");
        }
        slices.forEach(s -> out.put(s, given.getOrDefault(s, 0.0) / sum));
        return out;
    }
}
