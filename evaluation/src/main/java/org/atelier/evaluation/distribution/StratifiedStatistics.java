package org.atelier.evaluation.distribution;

import java.util.random.RandomGenerator;

/**
 * Feature statistics kept in {@code K} random strata so that nested subsets of 1/K, 2/K, …, K/K
 * of the samples can be scored afterwards without keeping a single feature vector — the
 * streaming road to FID∞. Each incoming vector lands in a stratum drawn uniformly from the
 * caller's seeded generator; the union of the first j strata is a uniform random subset of
 * expected size jN/K. Memory is K accumulators of O(d²), independent of N; accumulators merge
 * stratum by stratum, so shards combine exactly like {@link FeatureStatistics}.
 */
public final class StratifiedStatistics {
    private final FeatureStatistics[] strata;

    public StratifiedStatistics(int dimension, int strata) {
        if (strata < 1) {
            throw new IllegalArgumentException("need at least one stratum, got " + strata);
        }
        this.strata = new FeatureStatistics[strata];
        for (int i = 0; i < strata; i++) {
            this.strata[i] = new FeatureStatistics(dimension);
        }
    }

    public int strata() {
        return strata.length;
    }

    public int dimension() {
        return strata[0].dimension();
    }

    public void add(float[] row, RandomGenerator rng) {
        strata[rng.nextInt(strata.length)].add(row);
    }

    public void addAll(float[][] rows, RandomGenerator rng) {
        for (float[] r : rows) {
            add(r, rng);
        }
    }

    /** Statistics of strata 0 .. j−1 together (j in 1..K): a random subset of about jN/K samples. */
    public FeatureStatistics firstStrata(int j) {
        if (j < 1 || j > strata.length) {
            throw new IllegalArgumentException("j must be in 1.." + strata.length + ", got " + j);
        }
        FeatureStatistics out = strata[0].copy();
        for (int i = 1; i < j; i++) {
            out.merge(strata[i]);
        }
        return out;
    }

    /** Statistics of every sample. */
    public FeatureStatistics all() {
        return firstStrata(strata.length);
    }

    public long count() {
        long n = 0;
        for (FeatureStatistics s : strata) {
            n += s.count();
        }
        return n;
    }

    /** Every stratum's state, in stratum order (see {@link FeatureStatistics#snapshot}). */
    public FeatureStatistics.Snapshot[] snapshot() {
        FeatureStatistics.Snapshot[] out = new FeatureStatistics.Snapshot[strata.length];
        for (int i = 0; i < strata.length; i++) {
            out[i] = strata[i].snapshot();
        }
        return out;
    }

    public static StratifiedStatistics fromSnapshot(FeatureStatistics.Snapshot[] snapshots) {
        StratifiedStatistics out = new StratifiedStatistics(snapshots[0].dimension(), snapshots.length);
        for (int i = 0; i < snapshots.length; i++) {
            out.strata[i] = FeatureStatistics.fromSnapshot(snapshots[i]);
        }
        return out;
    }

    public void merge(StratifiedStatistics other) {
        if (other.strata.length != strata.length) {
            throw new IllegalArgumentException("cannot merge " + other.strata.length + " strata into " + strata.length);
        }
        for (int i = 0; i < strata.length; i++) {
            strata[i].merge(other.strata[i]);
        }
    }
}
