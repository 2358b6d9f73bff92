package org.atelier.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.random.Seeds;
import org.atelier.evaluation.distribution.ChunkedStatistics;
import org.atelier.evaluation.distribution.DistributionComparison;
import org.atelier.evaluation.distribution.DistributionEngine;
import org.atelier.evaluation.distribution.DistributionEvaluation;
import org.atelier.evaluation.distribution.DistributionInput;
import org.atelier.evaluation.distribution.DistributionInputs;
import org.atelier.evaluation.distribution.DistributionOptions;
import org.atelier.evaluation.distribution.DistributionResult;
import org.atelier.evaluation.distribution.FeatureSource;
import org.atelier.evaluation.distribution.GaussianStatistics;
import org.atelier.evaluation.distribution.ImageFeatureSource;
import org.atelier.evaluation.distribution.KernelInceptionDistance;
import org.atelier.evaluation.distribution.PrecisionRecallDensityCoverage;
import org.atelier.models.features.FeatureExtractor;

/**
 * {@code metrics distribution --spark MASTER}: the comparison of {@link DistributionComparison},
 * with the images of each set cut into {@link ImageShard}s that Spark tasks turn into features
 * and fold into mergeable statistics ({@link ShardFold}); the driver merges them in shard order
 * and scores them with the evaluation module's own code.
 *
 * <p>What equals the single-machine run, on the same input and seed:
 * <ul>
 *   <li>FID and FID∞: bit-identical to the single pass whose summation chunk
 *       ({@link ChunkedStatistics}) is the shard size — the defaults agree. Features are
 *       bit-identical (shards start on extractor batch boundaries), FID∞'s strata hold the same
 *       rows (each task replays the stratum draws of the rows before its shard), and shard sums
 *       are added in shard order. With another chunk size only the grouping of float64
 *       additions differs.</li>
 *   <li>KID: the subsets are drawn on the driver before any feature exists
 *       ({@link KernelInceptionDistance#draw}) and only those rows are fetched — at most
 *       subsets × subset size vectors per set, whatever N — then scored by the same code on the
 *       same vectors: bit-identical.</li>
 *   <li>PRDC is O(N²): it runs on all rows up to {@link Limits#prdcCap} per set (then
 *       bit-identical to the single machine), and above that on a uniform subset of that many
 *       rows drawn from the run's seed (a warning says so; identical to the single-machine PRDC
 *       of the same subset).</li>
 * </ul>
 */
public final class SparkDistribution implements DistributionEngine {
    /**
     * @param prdcCap   most rows per set PRDC is computed on (memory cap × d floats on the driver)
     * @param shardRows images per shard, a multiple of {@value ImageFeatureSource#BATCH}; the single-machine
     *                  path's summation chunk by default, so that the two agree to the last bit
     */
    public record Limits(int prdcCap, int shardRows) {
        public static final Limits DEFAULT = new Limits(10_000, ChunkedStatistics.DEFAULT_CHUNK_ROWS);
    }

    @Override
    public DistributionResult run(String master, String generated, String reference, String extractorId,
                                  DistributionOptions options) {
        try (JavaSparkContext sc = SparkContexts.open(master)) {
            return run(sc, generated, reference, extractorId, options, Limits.DEFAULT);
        }
    }

    public static DistributionResult run(JavaSparkContext sc, String generated, String reference, String extractorId,
                                         DistributionOptions options, Limits limits) {
        Supplier<FeatureExtractor> loader = DistributionComparison.loader(extractorId);
        DistributionInput inA = DistributionInputs.resolve(generated, "generated", extractorId, loader);
        DistributionInput inB = DistributionInputs.resolve(reference, "reference", extractorId, loader);
        List<String> warnings = new ArrayList<>();
        DistributionEvaluation.Labels labels = DistributionEvaluation.labels(false, false,
                DistributionComparison.extractorInfo(inA, inB, extractorId, options, loader), warnings);
        boolean keepRows = options.kid() || options.prdc();
        Plan a = plan("--generated", inA, keepRows);
        Plan b = plan("--reference", inB, keepRows);

        KernelInceptionDistance.Draw kidDraw = options.kid()
                ? KernelInceptionDistance.draw(a.count(), b.count(), options.kidSubsets(), options.kidSubsetSize(),
                        DistributionEvaluation.kidRandom(options))
                : null;
        int[] prdcA = options.prdc() ? prdcRows(a.count(), limits.prdcCap(), options.seed(), "a") : new int[0];
        int[] prdcB = options.prdc() ? prdcRows(b.count(), limits.prdcCap(), options.seed(), "b") : new int[0];
        int[] keepA = union(kidDraw == null ? new int[0] : KernelInceptionDistance.Draw.distinct(kidDraw.a()), prdcA);
        int[] keepB = union(kidDraw == null ? new int[0] : KernelInceptionDistance.Draw.distinct(kidDraw.b()), prdcB);

        Gathered ga = gather(sc, "--generated", a, new ShardFold(extractorId, options.fid() && options.fidInfinity(),
                options.seed(), keepA), limits);
        Gathered gb = gather(sc, "--reference", b, new ShardFold(extractorId, false, options.seed(), keepB), limits);
        DistributionEvaluation.Fid fid = DistributionEvaluation.fid(ga.side(), gb.side(), labels.id(), options, warnings);
        KernelInceptionDistance.Result kid = null;
        if (kidDraw != null) {
            kid = KernelInceptionDistance.score(ga.rows(), gb.rows(), kidDraw.remap(keepA, keepB));
            warnings.addAll(kid.warnings());
        }
        PrecisionRecallDensityCoverage.Result prdc = null;
        if (options.prdc()) {
            prdc = PrecisionRecallDensityCoverage.compute(pick(gb.rows(), keepB, prdcB), pick(ga.rows(), keepA, prdcA),
                    options.k());
            for (String side : List.of("a", "b")) {
                int n = side.equals("a") ? a.count() : b.count();
                if (n > limits.prdcCap()) {
                    warnings.add("precision/recall/density/coverage on a seeded subset of " + limits.prdcCap() + " of the "
                            + n + " samples of --" + side + " (the Spark path's cap)");
                }
            }
        }
        // no FID bootstrap interval here: it resamples every generated feature vector, which a
        // sharded run does not gather to the driver (docs/spark.md)
        return new DistributionResult(labels.id(), labels.sha256(), labels.input(), inA.describe(), inB.describe(),
                ga.side().n(), gb.side().n(), ga.side().dimension(), fid.fid(), null, fid.fidInfinity(), fid.points(),
                kid, prdc, options.seed(), warnings);
    }

    /** One side: images to shard, or committed statistics used as they are. */
    private record Plan(ImageFeatureSource images, int count, GaussianStatistics precomputed) {
    }

    private static Plan plan(String option, DistributionInput in, boolean keepRows) {
        if (in instanceof DistributionInput.Reference ref && !keepRows) {
            return new Plan(null, (int) ref.statistics().n(), ref.statistics());
        }
        FeatureSource source = in instanceof DistributionInput.Reference ref ? ref.features().get()
                : ((DistributionInput.Features) in).source();
        if (!(source instanceof ImageFeatureSource images) || images.path() == null) {
            throw new InvalidInputException(option + " " + in.describe() + ": --spark shards image files (an image folder or "
                    + "an IDX file); score feature CSV files and named datasets without --spark");
        }
        int count = images.count();
        if (count == 0) {
            throw new InvalidInputException(option + ": " + in.describe() + " holds no samples");
        }
        return new Plan(images, count, null);
    }

    /** A side's merged statistics and the vectors of its kept rows (ascending row order). */
    private record Gathered(DistributionEvaluation.Side side, float[][] rows) {
    }

    private static Gathered gather(JavaSparkContext sc, String option, Plan plan, ShardFold fold, Limits limits) {
        if (plan.precomputed() != null) {
            GaussianStatistics s = plan.precomputed();
            return new Gathered(new DistributionEvaluation.Side(s.n(), s.dimension(), null, null, s), new float[0][]);
        }
        List<ImageShard> shards = ImageShard.plan(plan.images(), plan.count(), limits.shardRows());
        JavaRDD<ShardFold.State> states = sc.parallelize(shards, shards.size()).map(fold::fold);
        ChunkedStatistics acc = new ChunkedStatistics(limits.shardRows(), false, null);
        List<float[]> rows = new ArrayList<>();
        InOrder.forEach(states, sc.defaultParallelism(), s -> {
            acc.addChunk(s.stats(), s.strata());
            rows.addAll(Arrays.asList(s.keptRows()));
        });
        if (rows.size() != fold.keep().length) {
            throw new IllegalStateException(option + ": " + fold.keep().length + " rows asked for, " + rows.size() + " kept");
        }
        DistributionEvaluation.Side side = DistributionEvaluation.Side.of(acc);
        return new Gathered(side, rows.toArray(new float[0][]));
    }

    /** Every row when n ≤ cap, else cap rows drawn uniformly from the run's seed; ascending. */
    static int[] prdcRows(int n, int cap, long seed, String side) {
        if (n <= cap) {
            return IntStream.range(0, n).toArray();
        }
        int[] rows = KernelInceptionDistance.sample(n, cap,
                new java.util.SplittableRandom(Seeds.derive(seed, "prdc-subset-" + side)));
        Arrays.sort(rows);
        return rows;
    }

    private static int[] union(int[] x, int[] y) {
        return IntStream.concat(Arrays.stream(x), Arrays.stream(y)).distinct().sorted().toArray();
    }

    /** The kept vectors of {@code wanted} rows, where {@code kept} lists the kept rows in ascending order. */
    private static float[][] pick(float[][] keptRows, int[] kept, int[] wanted) {
        float[][] out = new float[wanted.length][];
        for (int i = 0; i < wanted.length; i++) {
            out[i] = keptRows[Arrays.binarySearch(kept, wanted[i])];
        }
        return out;
    }
}
