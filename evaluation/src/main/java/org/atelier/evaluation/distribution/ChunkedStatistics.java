package org.atelier.evaluation.distribution;

import java.util.random.RandomGenerator;

/**
 * One side's streaming statistics — plain, or in FID∞'s strata — summed chunk by chunk: the rows
 * of each chunk of {@code chunkRows} consecutive rows are summed from zero, and the chunk's sums
 * are then added to the running total. Float64 addition is not associative, so this fixed
 * grouping is what lets a sharded run equal a single pass to the last bit: a shard that is one
 * chunk computes that chunk's sums exactly as the single pass does, and the driver adding shard
 * sums in shard order performs the single pass's additions in its order.
 *
 * <p>Memory: twice that of the statistics alone (the total and the open chunk).
 */
public final class ChunkedStatistics {
    /** Rows per chunk when none is given: 16 extractor batches. */
    public static final int DEFAULT_CHUNK_ROWS = 16 * ImageFeatureSource.BATCH;

    private final int chunkRows;
    private final boolean stratified;
    private final RandomGenerator strataDraws;
    private Object total; // FeatureStatistics or StratifiedStatistics, created on the first row
    private Object chunk;
    private int inChunk;

    /**
     * @param chunkRows   rows per chunk
     * @param stratified  keep FID∞'s {@link FidInfinity#DEFAULT_POINTS} strata instead of plain statistics
     * @param strataDraws assigns each row, in order, to a stratum (one draw per row); unused when not stratified
     */
    public ChunkedStatistics(int chunkRows, boolean stratified, RandomGenerator strataDraws) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunk rows must be positive, got " + chunkRows);
        }
        this.chunkRows = chunkRows;
        this.stratified = stratified;
        this.strataDraws = strataDraws;
    }

    public void add(float[] row) {
        if (chunk == null) {
            chunk = stratified ? new StratifiedStatistics(row.length, FidInfinity.DEFAULT_POINTS)
                    : new FeatureStatistics(row.length);
        }
        if (chunk instanceof StratifiedStatistics s) {
            s.add(row, strataDraws);
        } else {
            ((FeatureStatistics) chunk).add(row);
        }
        if (++inChunk == chunkRows) {
            closeChunk();
        }
    }

    /** Whether any row was added. */
    public boolean isEmpty() {
        return total == null && chunk == null;
    }

    /** The total of every row so far as plain statistics (null when stratified or empty). */
    public FeatureStatistics plain() {
        closeChunk();
        return total instanceof FeatureStatistics f ? f : null;
    }

    /** The total in strata (null when not stratified or empty). */
    public StratifiedStatistics strata() {
        closeChunk();
        return total instanceof StratifiedStatistics s ? s : null;
    }

    /** Adds a chunk summed elsewhere (a shard's), as {@link #add} would have closed it here. */
    public void addChunk(FeatureStatistics.Snapshot plainChunk, FeatureStatistics.Snapshot[] strataChunk) {
        closeChunk();
        chunk = strataChunk != null ? StratifiedStatistics.fromSnapshot(strataChunk)
                : FeatureStatistics.fromSnapshot(plainChunk);
        closeChunk();
    }

    private void closeChunk() {
        if (chunk == null) {
            return;
        }
        if (total == null) {
            // 0 + x is exact: the first chunk is the total
            total = chunk;
        } else if (total instanceof StratifiedStatistics s) {
            s.merge((StratifiedStatistics) chunk);
        } else {
            ((FeatureStatistics) total).merge((FeatureStatistics) chunk);
        }
        chunk = null;
        inChunk = 0;
    }
}
