package org.atelier.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.atelier.evaluation.distribution.ImageFeatureSource;

/**
 * Images {@code from} (inclusive) to {@code to} (exclusive) of an image folder or IDX file, in the
 * order a single-machine pass reads them. A shard is a path and two numbers, so the driver's plan
 * costs the same for a thousand images or ten million.
 */
public record ImageShard(int index, String path, boolean idx, int from, int to) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Cuts {@code count} images into shards of {@code rows} (a multiple of the extractor batch,
     * {@value ImageFeatureSource#BATCH}, so that every shard feeds the network the batches a full
     * pass feeds it and gets bit-identical features).
     */
    public static List<ImageShard> plan(ImageFeatureSource source, int count, int rows) {
        if (rows < ImageFeatureSource.BATCH || rows % ImageFeatureSource.BATCH != 0) {
            throw new IllegalArgumentException("shard size must be a positive multiple of " + ImageFeatureSource.BATCH
                    + ", got " + rows);
        }
        List<ImageShard> out = new ArrayList<>();
        for (int from = 0; from < count; from += rows) {
            out.add(new ImageShard(out.size(), source.path().toString(), source.isIdx(), from,
                    (int) Math.min(count, (long) from + rows)));
        }
        return out;
    }
}
