package org.atelier.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.atelier.evaluation.distribution.ChunkedStatistics;
import org.atelier.evaluation.distribution.DistributionEvaluation;
import org.atelier.evaluation.distribution.FeatureStatistics;
import org.atelier.evaluation.distribution.FidInfinity;
import org.atelier.evaluation.distribution.ImageFeatureSource;
import org.atelier.evaluation.distribution.StratifiedStatistics;
import org.atelier.models.features.FeatureExtractor;
import org.atelier.models.features.FeatureExtractors;

/**
 * What one Spark task does with one {@link ImageShard}: load the extractor (its pinned SHA-256
 * checked on the executor, as everywhere), run the shard's images through it, and fold the
 * features into the states the single-machine path keeps — plain statistics, or FID∞'s strata for
 * set A — keeping the vectors of the rows KID and PRDC asked for.
 *
 * @param extractorId a feature extractor id
 * @param stratify    fold into FID∞'s strata (set A with FID∞ on) rather than plain statistics
 * @param seed        the run's seed (FID∞'s stratum draws)
 * @param keep        ascending row indices whose vectors the driver needs (KID subsets, PRDC's subset)
 */
public record ShardFold(String extractorId, boolean stratify, long seed, int[] keep) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * One shard's contribution: exactly one of {@code stats} and {@code strata} is set; the kept
     * rows come with their indices, ascending.
     */
    public record State(int shard, FeatureStatistics.Snapshot stats, FeatureStatistics.Snapshot[] strata,
                        int[] keptIndex, float[][] keptRows) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public State fold(ImageShard shard) {
        FeatureExtractor extractor = FeatureExtractors.load(extractorId);
        ImageFeatureSource source = shard.idx() ? ImageFeatureSource.idx(Path.of(shard.path()), extractor)
                : ImageFeatureSource.folder(Path.of(shard.path()), extractor);
        // the shard is one summation chunk: its sums are the ones a single pass adds to its total
        ChunkedStatistics acc = new ChunkedStatistics(shard.to() - shard.from(), stratify,
                stratify ? strataDrawsFrom(shard.from()) : null);
        List<Integer> keptIndex = new ArrayList<>();
        List<float[]> keptRows = new ArrayList<>();
        int[] next = {shard.from()};
        source.stream(shard.from(), shard.to(), batch -> {
            for (float[] row : batch) {
                acc.add(row);
                if (Arrays.binarySearch(keep, next[0]) >= 0) {
                    keptIndex.add(next[0]);
                    keptRows.add(row);
                }
                next[0]++;
            }
        });
        if (next[0] != shard.to()) {
            throw new IllegalStateException(shard.path() + " holds fewer images than planned: shard " + shard.index()
                    + " expected rows " + shard.from() + ".." + shard.to() + ", got up to " + next[0]);
        }
        FeatureStatistics plain = acc.plain();
        StratifiedStatistics strata = acc.strata();
        return new State(shard.index(), plain == null ? null : plain.snapshot(), strata == null ? null : strata.snapshot(),
                keptIndex.stream().mapToInt(Integer::intValue).toArray(), keptRows.toArray(new float[0][]));
    }

    /**
     * The stratum generator positioned where a single pass would be at row {@code from}: one
     * draw per earlier row (cheap next to a network forward pass), so every row lands in the
     * stratum it lands in without Spark.
     */
    private SplittableRandom strataDrawsFrom(int from) {
        SplittableRandom rng = DistributionEvaluation.strataRandom(seed);
        for (int i = 0; i < from; i++) {
            rng.nextInt(FidInfinity.DEFAULT_POINTS);
        }
        return rng;
    }
}
