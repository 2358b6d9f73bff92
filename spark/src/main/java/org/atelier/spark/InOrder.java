package org.atelier.spark;

import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;

/**
 * Brings a job's per-partition results to the driver in partition order, a wave of partitions at
 * a time. Spark's {@code reduce} and {@code treeAggregate} merge results in the order tasks
 * finish, which changes float64 sums from run to run; {@code collect} holds every result at once.
 * Waves of the cluster's parallelism keep the merge order fixed and the driver's memory at one
 * wave of results, whatever the number of partitions.
 */
public final class InOrder {
    private InOrder() {
    }

    /** Computes every partition of {@code rdd} once, handing each element to {@code sink} in partition order. */
    public static <T> void forEach(JavaRDD<T> rdd, int wave, Consumer<T> sink) {
        int partitions = rdd.getNumPartitions();
        int step = Math.max(1, wave);
        for (int first = 0; first < partitions; first += step) {
            int[] ids = new int[Math.min(step, partitions - first)];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = first + i;
            }
            List<T>[] results = rdd.collectPartitions(ids);
            for (List<T> part : results) {
                part.forEach(sink);
            }
        }
    }
}
