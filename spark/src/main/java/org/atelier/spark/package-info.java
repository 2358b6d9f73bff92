/**
 * The evaluation module's distribution metrics and slice audits, and sampling sweeps, run as
 * Apache Spark jobs. Work is cut into shards (row ranges of an image folder, an IDX file or a
 * CSV); each task folds its shard into the evaluation module's mergeable states, and the driver
 * merges them in shard order, so a result depends on the data and the shard size, never on which
 * task finished first. Nothing here re-implements a metric: the driver hands the merged states to
 * the same code the single-machine path calls. A sampling sweep ({@link org.atelier.spark.SparkSweep})
 * is one task per grid point, each scoring its samples with the comparison's code and returning
 * one row.
 */
package org.atelier.spark;
