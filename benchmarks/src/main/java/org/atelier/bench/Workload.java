package org.atelier.bench;

import java.util.Map;

/** A prepared case: {@link #run()} is timed, everything before it is not. */
public interface Workload extends AutoCloseable {
    /** One run of the measured work. */
    void run();

    /** FLOPs of one run as {@link FlopCount} counts them; 0 where the figure has none (FID, SSIM). */
    default double flops() {
        return 0;
    }

    /**
     * Facts to cross-check against the PyTorch side: {@code params} and {@code forward_macs}
     * (map of network to MACs) for models, {@code value} for metrics (after at least one run).
     */
    default Map<String, Object> facts() {
        return Map.of();
    }

    @Override
    default void close() {
    }
}
