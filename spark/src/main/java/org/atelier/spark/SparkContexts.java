package org.atelier.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** Opens the Spark context a command runs in. */
public final class SparkContexts {
    private SparkContexts() {
    }

    /**
     * @param master a Spark master URL ({@code local[2]}, {@code spark://host:7077}); a master set
     *               by {@code spark-submit} (the {@code spark.master} property) takes precedence
     */
    public static JavaSparkContext open(String master) {
        SparkConf conf = new SparkConf().setAppName("atelier");
        if (!conf.contains("spark.master")) {
            conf.setMaster(master);
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        if (conf.get("spark.master").startsWith("local")) {
            // local mode needs no network name: binding to loopback avoids a host-name lookup
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return new JavaSparkContext(conf);
    }
}
