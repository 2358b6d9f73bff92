package org.atelier.evaluation.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One value's representation among generated samples: its training share, its generated share as
 * the classifier read it (raw) and corrected for the classifier's confusion, and each share's
 * amplification factor (generated / training: 1 reproduces the training share, 0.4 shrinks it to
 * 40 %, 2 doubles it), every estimate with an interval (Wilson for raw, bootstrap for corrected:
 * see {@link RepresentationAudit}).
 */
public record Amplification(String value, double trainingShare, Estimate rawShare, Estimate rawFactor,
                            Estimate correctedShare, Estimate correctedFactor) {
    /** A point estimate and its interval. */
    public record Estimate(double value, double low, double high) {
        public boolean covers(double x) {
            return low <= x && x <= high;
        }

        /** [value, low, high], a number that is not finite written as null. */
        public Object toJson() {
            return java.util.Arrays.asList(SliceStats.num(value), SliceStats.num(low), SliceStats.num(high));
        }
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("training_share", trainingShare);
        m.put("raw_share", rawShare.toJson());
        m.put("raw_amplification", rawFactor.toJson());
        m.put("corrected_share", correctedShare.toJson());
        m.put("corrected_amplification", correctedFactor.toJson());
        return m;
    }
}
