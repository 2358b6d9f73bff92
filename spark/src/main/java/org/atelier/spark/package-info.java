/**
 * The evaluation module's distribution metrics and slice audits run as Apache Spark jobs. Work is
 * cut into shards (row ranges of an image folder, an IDX file or a CSV); each task folds its
 * shard into the evaluation module's mergeable states, and the driver merges them in shard
 * order, so a result depends on the data and the shard size, never on which task finished first.
 * Nothing here re-implements a metric: the driver hands the merged states to the same code the
 * single-machine path calls.
 */
package org.atelier.spark;
