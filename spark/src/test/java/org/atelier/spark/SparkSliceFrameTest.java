package org.atelier.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.atelier.core.errors.InvalidSettingException;
import org.atelier.evaluation.audit.SliceAudit;
import org.atelier.evaluation.audit.SliceFrame;
import org.atelier.evaluation.audit.SliceOptions;
import org.atelier.evaluation.stats.MultipleTesting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit slices --spark}: the SliceFrame of Spark's sums against the frames computed here. */
class SparkSliceFrameTest {
    private static final List<String> BY = List.of("skin", "age");
    @TempDir
    static Path dir;
    private static Path csv;

    @BeforeAll
    static void table() throws IOException {
        csv = dir.resolve("per-sample.csv");
        StringBuilder sb = new StringBuilder("id,skin,age,psnr,hit\n");
        SplittableRandom rng = new SplittableRandom(21);
        String[] skins = {"MST-2", "MST-5", "MST-10", "\"dark, warm\""};
        for (int i = 0; i < 5000; i++) {
            int s = rng.nextInt(10) < 5 ? 0 : rng.nextInt(1, 4);
            String age = rng.nextInt(3) == 0 ? "old" : "young";
            double psnr = 22 + s * 0.4 + (age.equals("old") ? -0.3 : 0) + rng.nextGaussian() * 2.5;
            int hit = rng.nextDouble() < 0.7 - 0.05 * s ? 1 : 0;
            sb.append(i).append(',').append(skins[s]).append(',').append(age).append(',').append(psnr).append(',')
                    .append(hit).append('\n');
        }
        sb.append("5000,MST-7,old,21.5,1\n"); // a slice of one: too small, listed all the same
        Files.writeString(csv, sb);
    }

    private static SliceFrame spark(String value, SliceOptions o) {
        return SparkSliceAudit.run(TestSpark.local2(), csv, new SliceAudit.Options(BY, value, o.bootstrap(), o.seed()), 4)
                .toFrame(o);
    }

    @Test
    void sharesWilsonIntervalsAndTestsAreTheLocalFrameToTheLastBit() {
        SliceOptions o = SliceOptions.defaults(3).withBootstrap(200);
        SliceFrame local = SliceAudit.frame(csv, "hit", BY, o, null);
        SliceFrame spark = spark("hit", o);
        assertEquals(SliceOptions.Measure.SHARE, spark.measure());
        assertTrue(spark.slices().size() >= 8, spark.slices().keySet().toString());
        assertEquals(local.toJson(), spark.toJson());
    }

    @Test
    void meansAgreeWithTheStreamedSumsTo1e12AndWelchWithTheValues() {
        SliceOptions o = SliceOptions.defaults(3).withBootstrap(300)
                .withTests(SliceOptions.ValueTest.WELCH, MultipleTesting.Method.BENJAMINI_HOCHBERG)
                .withReference(new SliceOptions.Reference("MST-2 × young"));
        SliceFrame spark = spark("psnr", o);
        SliceFrame streamed = SliceAudit.of(csv, new SliceAudit.Options(BY, "psnr", 300, 3)).toFrame(o);
        assertClose(streamed.toJson(), spark.toJson(), "frame");
        // the mean and Welch's test need no resampling: the frame of the values gives the same numbers
        SliceFrame values = SliceAudit.frame(csv, "psnr", BY, o, null);
        for (String name : values.slices().keySet()) {
            var v = values.slices().get(name);
            var s = spark.slices().get(name);
            assertEquals(v.n(), s.n(), name);
            assertClose(v.value(), s.value(), name + " mean");
            assertClose(v.pValue(), s.pValue(), name + " Welch p_value");
            assertClose(v.pAdjusted(), s.pAdjusted(), name + " BH p_adjusted");
        }
        assertTrue(((String) spark.toJson().get("interval")).contains("Poisson"), spark.toJson().get("interval").toString());
    }

    @Test
    void aRankTestIsRefusedOnSums() {
        SliceOptions o = SliceOptions.defaults(0).withBootstrap(100);
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> spark("psnr", o));
        assertTrue(e.getMessage().contains("welch"), e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static void assertClose(Object a, Object b, String where) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            assertEquals(ma.keySet(), mb.keySet(), where);
            for (Object k : ma.keySet()) {
                assertClose(ma.get(k), mb.get(k), where + "." + k);
            }
        } else if (a instanceof List<?> la && b instanceof List<?> lb) {
            assertEquals(la.size(), lb.size(), where);
            for (int i = 0; i < la.size(); i++) {
                assertClose(la.get(i), lb.get(i), where + "[" + i + "]");
            }
        } else if (a instanceof Double x && b instanceof Double y) {
            assertClose(x.doubleValue(), y.doubleValue(), where);
        } else {
            assertEquals(a, b, where);
        }
    }

    /**
     * 1e-12 relative; 1e-10 for p-values: Welch's t divides a difference of slice means (about
     * 21.7 against 22.0 here) by its standard error, so the rounding of the float64 moments,
     * grouped by partition, comes out about 100 times larger in t (seen: 1.1e-12 relative in a
     * p-value).
     */
    private static void assertClose(double x, double y, String where) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            assertEquals(Double.isNaN(x), Double.isNaN(y), where);
            return;
        }
        double tolerance = where.endsWith("p_value") || where.endsWith("p_adjusted") ? 1e-10 : 1e-12;
        assertTrue(Math.abs(x - y) <= tolerance * Math.max(Math.abs(x), Math.abs(y)), where + ": " + x + " vs " + y);
    }
}
