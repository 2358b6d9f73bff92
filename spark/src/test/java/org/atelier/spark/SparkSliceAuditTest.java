package org.atelier.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.atelier.evaluation.audit.SliceAggregate;
import org.atelier.evaluation.audit.SliceAudit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The slice audit as a Spark aggregation against the single pass over the same file. */
class SparkSliceAuditTest {
    @Test
    void sharesAreIdenticalAndMeansAndIntervalsAgreeTo1e12(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("samples.csv");
        StringBuilder sb = new StringBuilder("id,skin_group,psnr\n");
        SplittableRandom rng = new SplittableRandom(8);
        String[] groups = {"light", "medium", "dark", "\"very, dark\""};
        for (int i = 0; i < 6000; i++) {
            int g = rng.nextInt(10) < 6 ? 0 : rng.nextInt(1, 4);
            sb.append(i).append(',').append(groups[g]).append(',').append(20 + g + rng.nextGaussian() * 3).append('\n');
            if (i == 2500) {
                sb.append('\n'); // a blank line is skipped and still numbered
            }
        }
        Files.writeString(csv, sb);
        SliceAudit.Options o = new SliceAudit.Options("skin_group", "psnr", 200, 5);
        SliceAggregate local = SliceAudit.of(csv, o);
        JavaSparkContext sc = TestSpark.local2();
        SliceAggregate spark = SparkSliceAudit.run(sc, csv, o, 4);
        assertEquals(4, sc.textFile(csv.toString(), 4).getNumPartitions(), "the file was split");
        Map<String, Object> lj = local.toJson();
        Map<String, Object> sj = spark.toJson();
        assertEquals(lj.get("shares"), sj.get("shares"), "counts, shares and Wilson intervals: identical");
        assertTrue(((Map<?, ?>) lj.get("shares")).containsKey("very, dark"));
        assertClose(lj, sj, "");
    }

    /** Equal structure; numbers equal to 1e-12 relative; everything else identical. */
    private static void assertClose(Object expected, Object actual, String path) {
        if (expected instanceof Map<?, ?> e) {
            Map<?, ?> a = (Map<?, ?>) actual;
            assertEquals(e.keySet(), a.keySet(), path);
            e.forEach((k, v) -> assertClose(v, a.get(k), path + "/" + k));
        } else if (expected instanceof List<?> e) {
            List<?> a = (List<?>) actual;
            assertEquals(e.size(), a.size(), path);
            for (int i = 0; i < e.size(); i++) {
                assertClose(e.get(i), a.get(i), path + "[" + i + "]");
            }
        } else if (expected instanceof Double e) {
            assertEquals(e, (Double) actual, 1e-12 * Math.abs(e), path);
        } else {
            assertEquals(expected, actual, path);
        }
    }
}
