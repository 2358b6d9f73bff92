package org.atelier.evaluation.distribution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.evaluation.stats.Bootstrap;

/**
 * Everything one {@code metrics distribution} run reports. Metrics not asked for are null.
 *
 * @param extractor       extractor id the features came from ({@code user-features} when both sides were CSV)
 * @param extractorSha256 SHA-256 of its weights (empty for user features)
 * @param extractorInput  how images were fed, e.g. {@code 1x28x28 grey in [-1, 1], not resized}
 * @param a               description of set A (the generated set)
 * @param b               description of set B (the reference set)
 * @param nA              samples in A
 * @param nB              samples in B
 * @param dimension       feature dimension (below it, FID is flagged as biased)
 * @param fid             Fréchet distance
 * @param fidInterval     its 95 % bootstrap interval ({@link FidBootstrap}), or null when not asked for
 * @param fidInf          FID∞ intercept, null when not computable (see warnings)
 * @param fidInfPoints    the (N, FID) points it was fitted on
 * @param kid             KID result, or null
 * @param prdc            precision/recall/density/coverage, or null
 * @param seed            seed of every random draw
 * @param warnings        honest notes: capped subset sizes, skipped FID∞, assumed extractors
 */
public record DistributionResult(String extractor, String extractorSha256, String extractorInput, String a, String b,
                                 long nA, long nB, int dimension, Double fid, Bootstrap.Interval fidInterval, Double fidInf, List<FidInfinity.Point> fidInfPoints,
                                 KernelInceptionDistance.Result kid, PrecisionRecallDensityCoverage.Result prdc,
                                 long seed, List<String> warnings) implements java.io.Serializable {
    public DistributionResult {
        fidInfPoints = fidInfPoints == null ? List.of() : List.copyOf(fidInfPoints);
        warnings = List.copyOf(warnings);
    }

    /** JSON object with the keys the issue fixes first, then the provenance of the numbers. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fid", fid);
        m.put("fid_ci95", fidInterval == null ? null : new double[] {fidInterval.low(), fidInterval.high()});
        m.put("fid_resamples", fidInterval == null ? null : fidInterval.resamples());
        m.put("fid_small_n", fid == null ? null : nA < dimension);
        m.put("fid_inf", fidInf);
        m.put("kid_mean", kid == null ? null : kid.mean());
        m.put("kid_std", kid == null ? null : kid.std());
        m.put("precision", prdc == null ? null : prdc.precision());
        m.put("recall", prdc == null ? null : prdc.recall());
        m.put("density", prdc == null ? null : prdc.density());
        m.put("coverage", prdc == null ? null : prdc.coverage());
        m.put("n_a", nA);
        m.put("n_b", nB);
        m.put("dimension", dimension);
        m.put("extractor", extractor);
        m.put("extractor_sha256", extractorSha256);
        m.put("extractor_input", extractorInput);
        m.put("a", a);
        m.put("b", b);
        m.put("kid_subsets", kid == null ? null : kid.subsets());
        m.put("kid_subset_size", kid == null ? null : kid.subsetSize());
        m.put("k", prdc == null ? null : prdc.k());
        m.put("seed", seed);
        m.put("fid_inf_points", fidInfPoints.stream().map(p -> {
            Map<String, Object> point = new LinkedHashMap<>(); // key order fixed, so that runs print identically
            point.put("n", p.n());
            point.put("fid", p.fid());
            return point;
        }).toList());
        m.put("warnings", warnings);
        return m;
    }
}
