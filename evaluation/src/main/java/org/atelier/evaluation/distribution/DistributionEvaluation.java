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
        return run(a, b, options, extractor, ChunkedStatistics.DEFAULT_CHUNK_ROWS);
    }

    /**
     * @param chunkRows rows per summation chunk ({@link ChunkedStatistics}); a sharded run whose
     *                  shards hold this many rows reproduces this run bit for bit
     */
    public static DistributionResult run(DistributionInput a, DistributionInput b, DistributionOptions options,
                                         ExtractorInfo extractor, int chunkRows) {
        List<String> warnings = new ArrayList<>();
        Labels labels = labels(isUserFeatures(a), isUserFeatures(b), extractor, warnings);
        boolean keepRows = options.kid() || options.prdc();
        boolean interval = options.fid() && options.fidResamples() > 0;
        Gathered ga = gather("--generated", a, keepRows || interval, options.fid() && options.fidInfinity(),
                options.seed(), chunkRows);
        Gathered gb = gather("--reference", b, keepRows, false, options.seed(), chunkRows);
        Fid fid = fid(ga.side(), gb.side(), labels.id(), options, warnings);
        Bootstrap.Interval fidInterval = null;
        if (options.fid()) {
            SampleSizeAdvice.smallN(ga.side().n(), ga.side().dimension()).ifPresent(warnings::add);
            if (interval && ga.rows() == null) {
                warnings.add("no FID interval: --generated is given as precomputed statistics, not features to resample");
            } else if (interval) {
                fidInterval = FidBootstrap.compute(ga.rows(), FrechetDistance.prepare(gb.side().gaussian(labels.id())),
                        labels.id(), options.fidResamples(), 0.95, Seeds.derive(options.seed(), "fid-bootstrap")).interval();
            }
        }
        KernelInceptionDistance.Result kid = null;
        if (options.kid()) {
            kid = KernelInceptionDistance.compute(ga.rows(), gb.rows(), options.kidSubsets(), options.kidSubsetSize(),
                    kidRandom(options));
            warnings.addAll(kid.warnings());
        }
        PrecisionRecallDensityCoverage.Result prdc = null;
        if (options.prdc()) {
            prdc = PrecisionRecallDensityCoverage.compute(gb.rows(), ga.rows(), options.k());
        }
        return new DistributionResult(labels.id(), labels.sha256(), labels.input(), a.describe(), b.describe(),
                ga.side().n(), gb.side().n(), ga.side().dimension(), fid.fid(), fidInterval, fid.fidInfinity(),
                fid.points(), kid, prdc, options.seed(), warnings);
    }

    /** The generator of KID's subset draws. */
    public static SplittableRandom kidRandom(DistributionOptions options) {
        return new SplittableRandom(Seeds.derive(options.seed(), "kid"));
    }

    /** The generator that assigns the rows of A, in order, to FID∞'s strata (one draw per row). */
    public static SplittableRandom strataRandom(long seed) {
        return new SplittableRandom(Seeds.derive(seed, "fid-inf-strata"));
    }

    static boolean isUserFeatures(DistributionInput in) {
        return in instanceof DistributionInput.Features f && f.source().userFeatures();
    }

    /** What the result says about the features' origin. */
    public record Labels(String id, String sha256, String input) {
    }

    /** The extractor labels of a comparison; warns when user CSV features are taken as an extractor's. */
    public static Labels labels(boolean userA, boolean userB, ExtractorInfo extractor, List<String> warnings) {
        if (userA && userB) {
            return new Labels(USER_FEATURES, "", "feature vectors supplied by the user");
        }
        if (userA || userB) {
            warnings.add("the CSV features of --" + (userA ? "a" : "b") + " are taken to be " + extractor.id()
                    + " features");
        }
        return new Labels(extractor.id(), extractor.sha256(), extractor.input());
    }

    /**
     * One side's streaming statistics: {@code stats} or, for A with FID∞, {@code strata}; or
     * {@code precomputed} committed statistics. Exactly one of the three is set.
     */
    public record Side(long n, int dimension, FeatureStatistics stats, StratifiedStatistics strata,
                       GaussianStatistics precomputed) {
        /** The side summed by {@code acc} (not empty). */
        public static Side of(ChunkedStatistics acc) {
            StratifiedStatistics st = acc.strata();
            if (st != null) {
                return new Side(st.count(), st.dimension(), null, st, null);
            }
            FeatureStatistics fs = acc.plain();
            return new Side(fs.count(), fs.dimension(), fs, null, null);
        }

        GaussianStatistics gaussian(String label) {
            if (precomputed != null) {
                return new GaussianStatistics(label, precomputed.n(), precomputed.mean(), precomputed.covariance());
            }
            return (strata != null ? strata.all() : stats).toGaussian(label);
        }
    }

    /** FID and FID∞ (null when not asked for or not computable; {@code warnings} says why). */
    public record Fid(Double fid, Double fidInfinity, List<FidInfinity.Point> points) {
    }

    /** FID of A against B and, when A is stratified, FID∞; checks the dimensions agree. */
    public static Fid fid(Side a, Side b, String label, DistributionOptions options, List<String> warnings) {
        if (a.dimension() != b.dimension()) {
            throw new InvalidInputException("--a has " + a.dimension() + "-d features but --b has " + b.dimension()
                    + "-d ones");
        }
        if (!options.fid()) {
            return new Fid(null, null, List.of());
        }
        requireTwo("--generated", a.n());
        requireTwo("--reference", b.n());
        FrechetDistance reference = FrechetDistance.prepare(b.gaussian(label));
        double fid = reference.distanceTo(a.gaussian(label));
        if (!options.fidInfinity()) {
            warnings.add("FID∞ not computed (switched off)");
        } else if (a.strata() == null) {
            warnings.add("FID∞ needs the features of --a; it is given as precomputed statistics");
        } else {
            FidInfinity.Result inf = FidInfinity.compute(a.strata(), reference, label);
            if (inf == null) {
                warnings.add("FID∞ needs at least " + FidInfinity.MIN_SAMPLES + " samples in --a, got " + a.n());
            } else {
                return new Fid(fid, inf.fidInfinity(), inf.points());
            }
        }
        return new Fid(fid, null, List.of());
    }

    private static void requireTwo(String side, long n) {
        if (n < 2) {
            throw new InvalidInputException("FID needs at least 2 samples in " + side + ", got " + n);
        }
    }

    /** One side's statistics and vectors (when kept). */
    private record Gathered(Side side, float[][] rows) {
    }

    private static Gathered gather(String side, DistributionInput input, boolean keepRows, boolean stratify, long seed,
                                   int chunkRows) {
        if (input instanceof DistributionInput.Reference ref && !keepRows) {
            GaussianStatistics s = ref.statistics();
            return new Gathered(new Side(s.n(), s.dimension(), null, null, s), null);
        }
        FeatureSource source = input instanceof DistributionInput.Reference ref ? ref.features().get()
                : ((DistributionInput.Features) input).source();
        List<float[]> rows = keepRows ? new ArrayList<>() : null;
        ChunkedStatistics acc = new ChunkedStatistics(chunkRows, stratify, strataRandom(seed));
        source.stream(batch -> {
            for (float[] row : batch) {
                acc.add(row);
                if (rows != null) {
                    rows.add(row);
                }
            }
        });
        if (acc.isEmpty()) {
            throw new InvalidInputException(side + ": " + input.describe() + " holds no samples");
        }
        float[][] kept = rows == null ? null : rows.toArray(new float[0][]);
        return new Gathered(Side.of(acc), kept);
    }
}
