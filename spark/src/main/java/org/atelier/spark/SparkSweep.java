package org.atelier.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.atelier.experiments.compare.ModelScores;
import org.atelier.experiments.sweep.SweepConfig;
import org.atelier.experiments.sweep.SweepEngine;
import org.atelier.experiments.sweep.SweepPoint;
import org.atelier.experiments.sweep.SweepTask;

/**
 * {@code atelier sweep CONFIG --spark MASTER}: one Spark task per grid point. A task loads the
 * extractor and the model, draws the point's N samples and scores them with the code the
 * in-process sweep runs ({@link SweepTask}); the driver gathers one small row per point, in grid
 * order, so its memory does not depend on N. The rows equal the in-process ones, sampling time
 * aside: the same seeds drive the same arithmetic.
 */
public final class SparkSweep implements SweepEngine {
    @Override
    public List<ModelScores> score(String master, SweepConfig cfg, List<SweepPoint> points) {
        try (JavaSparkContext sc = SparkContexts.open(master)) {
            return score(sc, cfg, points);
        }
    }

    public static List<ModelScores> score(JavaSparkContext sc, SweepConfig cfg, List<SweepPoint> points) {
        // one point per partition: points cost minutes each, so balance beats sharing an extractor load
        JavaRDD<ModelScores> rows = sc.parallelize(points, points.size())
                .mapPartitions(it -> SweepTask.score(cfg, it, line -> { }).iterator());
        List<ModelScores> out = new ArrayList<>(points.size());
        InOrder.forEach(rows, sc.defaultParallelism(), out::add);
        return out;
    }
}
