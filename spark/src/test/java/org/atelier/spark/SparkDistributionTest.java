package org.atelier.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.datasets.idx.IdxArray;
import org.atelier.datasets.idx.IdxWriter;
import org.atelier.evaluation.distribution.DistributionComparison;
import org.atelier.evaluation.distribution.DistributionOptions;
import org.atelier.evaluation.distribution.DistributionResult;
import org.atelier.evaluation.distribution.FidInfinity;
import org.atelier.evaluation.distribution.ImageFeatureSource;
import org.atelier.evaluation.distribution.PrecisionRecallDensityCoverage;
import org.atelier.models.features.FmnistV1;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark path against the single-machine path on the same files, on {@code local[2]} with
 * shards of 256 images (three per set, the last one short), so that merging across shards is exercised.
 */
class SparkDistributionTest {
    private static final SparkDistribution.Limits SMALL_SHARDS = new SparkDistribution.Limits(10_000, 256);

    @TempDir
    static Path dir;
    static JavaSparkContext sc;
    static Path a;
    static Path b;

    @BeforeAll
    static void start() {
        a = idx("a.idx", 600, 0, 3);
        b = idx("b.idx", 520, 25, 4);
        sc = TestSpark.local2();
    }

    /** Noise images with a brightness offset, so that the two sets differ. */
    private static Path idx(String name, int n, int offset, long seed) {
        byte[] pixels = new byte[n * 28 * 28];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) Math.min(255, rng.nextInt(200) + offset + (i / 28) % 28);
        }
        Path file = dir.resolve(name);
        IdxWriter.write(new IdxArray(new int[] {n, 28, 28}, pixels), file, false);
        return file;
    }

    /**
     * Shards of 256 against a single pass summing in chunks of 256: the same additions in the
     * same order, so the whole result is identical. (KID and PRDC do not depend on the chunk
     * size; with the default chunk only FID's grouping of float64 sums would differ.)
     */
    @Test
    void everyMetricEqualsTheSingleMachineRun() {
        DistributionOptions o = new DistributionOptions(true, true, true, 10, 100, true, 3, 0, 17);
        DistributionResult spark = SparkDistribution.run(sc, a.toString(), b.toString(), FmnistV1.ID, o, SMALL_SHARDS);
        DistributionResult sameChunks = DistributionComparison.run(a.toString(), b.toString(), FmnistV1.ID, o, 256);
        assertEquals(sameChunks.toJson(), spark.toJson(), "every number, provenance and warning, to the last bit");
        assertEquals(FidInfinity.DEFAULT_POINTS, spark.fidInfPoints().size());
    }

    /** Above the cap PRDC runs on a seeded subset: the single-machine PRDC of that subset, bit for bit. */
    @Test
    void cappedPrdcEqualsTheSingleMachinePrdcOfTheSameSubset() {
        DistributionOptions o = new DistributionOptions(false, false, false, 1, 2, true, 3, 0, 5);
        DistributionResult spark = SparkDistribution.run(sc, a.toString(), b.toString(), FmnistV1.ID, o,
                new SparkDistribution.Limits(200, 256));
        float[][] fa = features(a);
        float[][] fb = features(b);
        int[] ra = SparkDistribution.prdcRows(fa.length, 200, 5, "a");
        int[] rb = SparkDistribution.prdcRows(fb.length, 200, 5, "b");
        assertEquals(200, ra.length);
        PrecisionRecallDensityCoverage.Result expected = PrecisionRecallDensityCoverage.compute(pick(fb, rb), pick(fa, ra), 3);
        assertEquals(expected, spark.prdc());
        assertTrue(spark.warnings().stream().anyMatch(w -> w.contains("seeded subset of 200 of the 600 samples of --a")),
                spark.warnings().toString());
        assertNotNull(spark.prdc());
    }

    @Test
    void featureFilesAreRefusedWithAMessage() throws Exception {
        Path csv = dir.resolve("f.csv");
        java.nio.file.Files.writeString(csv, "1,2\n3,4\n5,6\n");
        DistributionOptions o = new DistributionOptions(true, false, false, 1, 2, false, 3, 0, 0);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SparkDistribution.run(sc, csv.toString(), csv.toString(), FmnistV1.ID, o, SMALL_SHARDS));
        assertTrue(e.getMessage().contains("score feature CSV files and named datasets without --spark"), e.getMessage());
    }

    private static float[][] features(Path idx) {
        List<float[]> rows = new ArrayList<>();
        ImageFeatureSource.idx(idx, FmnistV1.load()).stream(batch -> rows.addAll(List.of(batch)));
        return rows.toArray(new float[0][]);
    }

    private static float[][] pick(float[][] rows, int[] idx) {
        float[][] out = new float[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = rows[idx[i]];
        }
        return out;
    }


}
