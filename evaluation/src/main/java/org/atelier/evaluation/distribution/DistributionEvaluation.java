package org.atelier.evaluation.distribution;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.random.Seeds;
import org.atelier.evaluation.stats.Bootstrap;

/**
 * Runs the distribution metrics on two sets: A, the generated set, and B, the reference set.
 * Follows a fixed template (as Tribuo's evaluators): gather sufficient statistics in one
 * streaming pass per set, compute the metrics, build the immutable result.
 *
 * <p>FID alone needs only streaming statistics (memory independent of N); FID∞ keeps A's
 * statistics in 10 strata. KID and PRDC need the vectors themselves, so they are kept (N × d
 * floats per set) only when those metrics are asked for.
 */
public final class DistributionEvaluation {
    /** Extractor label when both sides are user-supplied feature vectors. */
    public static final String USER_FEATURES = "user-features";

    private DistributionEvaluation() {
    }

    /** Identity of the extractor that turned images into features. */
    public record ExtractorInfo(String id, String sha256, String input) {
    }

    public static DistributionResult run(DistributionInput a, DistributionInput b, DistributionOptions options,
                                         ExtractorInfo extractor) {
        List<String> warnings = new ArrayList<>();
        boolean userA = a instanceof DistributionInput.Features f && f.source().userFeatures();
        boolean userB = b instanceof DistributionInput.Features f && f.source().userFeatures();
        String label;
        String sha;
        String input;
        if (userA && userB) {
            label = USER_FEATURES;
            sha = "";
            input = "feature vectors supplied by the user";
        } else {
            label = extractor.id();
            sha = extractor.sha256();
            input = extractor.input();
            if (userA || userB) {
                warnings.add("the CSV features of --" + (userA ? "a" : "b") + " are taken to be " + extractor.id()
                        + " features");
            }
        }
        boolean keepRows = options.kid() || options.prdc();
        boolean interval = options.fid() && options.fidResamples() > 0;
        Gathered ga = gather("--a", a, keepRows || interval, options.fid() && options.fidInfinity(), options.seed());
        Gathered gb = gather("--b", b, keepRows, false, options.seed());
        if (ga.dimension() != gb.dimension()) {
            throw new InvalidInputException("--a has " + ga.dimension() + "-d features but --b has " + gb.dimension()
                    + "-d ones");
        }

        Double fid = null;
        Bootstrap.Interval fidInterval = null;
        Double fidInf = null;
        List<FidInfinity.Point> points = List.of();
        if (options.fid()) {
            requireTwo("--a", ga.n());
            requireTwo("--b", gb.n());
            FrechetDistance reference = FrechetDistance.prepare(gb.gaussian(label));
            fid = reference.distanceTo(ga.gaussian(label));
            SampleSizeAdvice.smallN(ga.n(), ga.dimension()).ifPresent(warnings::add);
            if (interval && ga.rows() == null) {
                warnings.add("no FID interval: --a is given as precomputed statistics, not features to resample");
            } else if (interval) {
                fidInterval = FidBootstrap.compute(ga.rows(), reference, label, options.fidResamples(), 0.95,
                        Seeds.derive(options.seed(), "fid-bootstrap")).interval();
            }
            if (!options.fidInfinity()) {
                warnings.add("FID∞ not computed (switched off)");
            } else if (ga.strata() == null) {
                warnings.add("FID∞ needs the features of --a; it is given as precomputed statistics");
            } else {
                FidInfinity.Result inf = FidInfinity.compute(ga.strata(), reference, label);
                if (inf == null) {
                    warnings.add("FID∞ needs at least " + FidInfinity.MIN_SAMPLES + " samples in --a, got " + ga.n());
                } else {
                    fidInf = inf.fidInfinity();
                    points = inf.points();
                }
            }
        }
        KernelInceptionDistance.Result kid = null;
        if (options.kid()) {
            kid = KernelInceptionDistance.compute(ga.rows(), gb.rows(), options.kidSubsets(), options.kidSubsetSize(),
                    new SplittableRandom(Seeds.derive(options.seed(), "kid")));
            warnings.addAll(kid.warnings());
        }
        PrecisionRecallDensityCoverage.Result prdc = null;
        if (options.prdc()) {
            prdc = PrecisionRecallDensityCoverage.compute(gb.rows(), ga.rows(), options.k());
        }
        return new DistributionResult(label, sha, input, a.describe(), b.describe(), ga.n(), gb.n(), ga.dimension(), fid,
                fidInterval, fidInf, points, kid, prdc, options.seed(), warnings);
    }

    private static void requireTwo(String side, long n) {
        if (n < 2) {
            throw new InvalidInputException("FID needs at least 2 samples in " + side + ", got " + n);
        }
    }

    /** One side's statistics (and vectors, when kept). */
    private record Gathered(long n, int dimension, FeatureStatistics stats, StratifiedStatistics strata,
                            GaussianStatistics precomputed, float[][] rows) {
        GaussianStatistics gaussian(String label) {
            if (precomputed != null) {
                return new GaussianStatistics(label, precomputed.n(), precomputed.mean(), precomputed.covariance());
            }
            return (strata != null ? strata.all() : stats).toGaussian(label);
        }
    }

    private static Gathered gather(String side, DistributionInput input, boolean keepRows, boolean stratify, long seed) {
        if (input instanceof DistributionInput.Reference ref && !keepRows) {
            GaussianStatistics s = ref.statistics();
            return new Gathered(s.n(), s.dimension(), null, null, s, null);
        }
        FeatureSource source = input instanceof DistributionInput.Reference ref ? ref.features().get()
                : ((DistributionInput.Features) input).source();
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "fid-inf-strata"));
        List<float[]> rows = keepRows ? new ArrayList<>() : null;
        Object[] acc = new Object[1];
        source.stream(batch -> {
            if (batch.length == 0) {
                return;
            }
            if (acc[0] == null) {
                int d = batch[0].length;
                acc[0] = stratify ? new StratifiedStatistics(d, FidInfinity.DEFAULT_POINTS) : new FeatureStatistics(d);
            }
            for (float[] row : batch) {
                if (acc[0] instanceof StratifiedStatistics st) {
                    st.add(row, rng);
                } else {
                    ((FeatureStatistics) acc[0]).add(row);
                }
                if (rows != null) {
                    rows.add(row);
                }
            }
        });
        if (acc[0] == null) {
            throw new InvalidInputException(side + ": " + input.describe() + " holds no samples");
        }
        float[][] kept = rows == null ? null : rows.toArray(new float[0][]);
        if (acc[0] instanceof StratifiedStatistics st) {
            return new Gathered(st.count(), st.dimension(), null, st, null, kept);
        }
        FeatureStatistics fs = (FeatureStatistics) acc[0];
        return new Gathered(fs.count(), fs.dimension(), fs, null, null, kept);
    }
}
