package org.atelier.spark;

import org.apache.spark.api.java.JavaSparkContext;

/**
 * One {@code local[2]} context for every test class of the module: starting Spark costs seconds,
 * and the test JVM is shared. Spark's own shutdown hook stops it when the JVM exits.
 */
final class TestSpark {
    private static JavaSparkContext context;

    private TestSpark() {
    }

    static synchronized JavaSparkContext local2() {
        if (context == null) {
            context = SparkContexts.open("local[2]");
        }
        return context;
    }
}
