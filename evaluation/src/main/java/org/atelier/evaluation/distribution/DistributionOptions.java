package org.atelier.evaluation.distribution;

import org.atelier.core.errors.InvalidInputException;

/**
 * Which distribution metrics to compute and with what settings.
 *
 * @param fid           FID
 * @param fidInfinity   also FID∞ (with FID; costs 10 more eigen-decompositions of size d)
 * @param kid           KID
 * @param kidSubsets    subsets for KID (default 100)
 * @param kidSubsetSize samples per set per subset (default 1000; capped at the smaller set)
 * @param prdc          precision, recall, density, coverage
 * @param k             neighbours for PRDC radii (default 3)
 * @param fidResamples  bootstrap replicates for FID's interval ({@link FidBootstrap}); 0 for none
 * @param seed          seed of every random draw (KID subsets, FID∞ strata, FID bootstrap)
 */
public record DistributionOptions(boolean fid, boolean fidInfinity, boolean kid, int kidSubsets, int kidSubsetSize, boolean prdc, int k,
                                  int fidResamples, long seed) {
    public DistributionOptions {
        if (!fid && !kid && !prdc) {
            throw new InvalidInputException("no metric selected: pass --fid, --kid and/or --prdc");
        }
        if (kidSubsets < 1) {
            throw new InvalidInputException("--kid-subsets must be at least 1, got " + kidSubsets);
        }
        if (kidSubsetSize < 2) {
            throw new InvalidInputException("--kid-subset-size must be at least 2, got " + kidSubsetSize);
        }
        if (fidResamples != 0 && fidResamples < 20) {
            throw new InvalidInputException("--fid-resamples must be 0 (no interval) or at least 20, got " + fidResamples);
        }
        if (k < 1) {
            throw new InvalidInputException("--k must be at least 1, got " + k);
        }
    }

    public static DistributionOptions all(long seed) {
        return new DistributionOptions(true, true, true, KernelInceptionDistance.DEFAULT_SUBSETS,
                KernelInceptionDistance.DEFAULT_SUBSET_SIZE, true, PrecisionRecallDensityCoverage.DEFAULT_K,
                FidBootstrap.DEFAULT_RESAMPLES, seed);
    }
}
