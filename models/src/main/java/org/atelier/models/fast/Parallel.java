package org.atelier.models.fast;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs the hand-written loops of this package on as many threads as ND4J's native ops use
 * ({@code OMP_NUM_THREADS}, ND4J's default: the cores), so that one thread setting governs the
 * whole step and a comparison at "n threads" means n threads on both sides. Each task writes
 * only its own slots, so results do not depend on the split.
 */
final class Parallel {
    private static final ForkJoinPool POOL = new ForkJoinPool(Math.max(1, Nd4j.getEnvironment().maxThreads()));

    private Parallel() {
    }

    /** body(i) for i in [0, n), split over the pool. */
    static void range(int n, IntConsumer body) {
        if (POOL.getParallelism() == 1 || n == 1) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        POOL.submit(() -> IntStream.range(0, n).parallel().forEach(body)).join();
    }
}
