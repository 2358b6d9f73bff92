package org.atelier.evaluation.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.atelier.core.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

class FeatureStatisticsTest {

    /** Small integers keep every float64 sum exact, so merged shards must equal one pass bit for bit. */
    @Test
    void mergedShardsEqualTheSinglePassExactly() {
        SplittableRandom rng = new SplittableRandom(7);
        int d = 9;
        float[][] rows = new float[1000][d];
        for (float[] r : rows) {
            for (int j = 0; j < d; j++) {
                r[j] = rng.nextInt(-20, 21);
            }
        }
        FeatureStatistics single = new FeatureStatistics(d);
        single.addAll(rows);
        FeatureStatistics[] shards = {new FeatureStatistics(d), new FeatureStatistics(d), new FeatureStatistics(d)};
        for (int i = 0; i < rows.length; i++) {
            shards[i < 130 ? 0 : i < 701 ? 1 : 2].add(rows[i]);
        }
        FeatureStatistics merged = shards[0].plus(shards[1]);
        merged.merge(shards[2]);
        assertEquals(single.count(), merged.count());
        assertArrayEquals(single.sum(), merged.sum(), 0.0);
        assertArrayEquals(single.outerProductSum(), merged.outerProductSum(), 0.0);
        GaussianStatistics a = single.toGaussian("x");
        GaussianStatistics b = merged.toGaussian("x");
        assertArrayEquals(a.mean(), b.mean(), 0.0);
        assertArrayEquals(a.covariance(), b.covariance(), 0.0);
    }

    @Test
    void meanAndUnbiasedCovarianceMatchATwoPassComputation() {
        float[][] x = TestData.gaussian(517, 6, 3.0, 11);
        GaussianStatistics g = TestData.stats(x, "x");
        int n = x.length;
        int d = 6;
        double[] mean = new double[d];
        for (float[] r : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j] / (double) n;
            }
        }
        for (int i = 0; i < d; i++) {
            assertEquals(mean[i], g.mean()[i], 1e-12);
            for (int j = 0; j < d; j++) {
                double c = 0;
                for (float[] r : x) {
                    c += (r[i] - mean[i]) * (r[j] - mean[j]);
                }
                assertEquals(c / (n - 1), g.cov(i, j), 1e-10, "cov(" + i + "," + j + ")");
            }
        }
        assertEquals(n, g.n());
    }

    @Test
    void refusesACovarianceOfFewerThanTwoSamples() {
        FeatureStatistics s = new FeatureStatistics(3);
        s.add(new float[] {1, 2, 3});
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> s.toGaussian("x"));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
    }

    @Test
    void refusesVectorsOfTheWrongLength() {
        FeatureStatistics s = new FeatureStatistics(3);
        assertThrows(InvalidInputException.class, () -> s.add(new float[] {1, 2}));
        assertThrows(InvalidInputException.class, () -> s.merge(new FeatureStatistics(4)));
    }

    @Test
    void stratifiedStatisticsCoverEverySampleOnce() {
        float[][] x = TestData.gaussian(1000, 4, 0, 3);
        StratifiedStatistics st = new StratifiedStatistics(4, 10);
        st.addAll(x, new SplittableRandom(5));
        assertEquals(1000, st.count());
        assertEquals(1000, st.all().count());
        long previous = 0;
        for (int j = 1; j <= 10; j++) {
            long n = st.firstStrata(j).count();
            assertTrue(n > previous, "nested subsets grow");
            previous = n;
        }
        FeatureStatistics plain = new FeatureStatistics(4);
        plain.addAll(x);
        assertArrayEquals(plain.toGaussian("x").mean(), st.all().toGaussian("x").mean(), 1e-12);
    }

    @Test
    void statisticsFileRoundTripsAndRejectsCorruption() {
        GaussianStatistics g = TestData.stats(TestData.gaussian(50, 5, 1, 2), "fmnist-v1");
        byte[] bytes = g.encode("abc");
        GaussianStatistics.Stored back = GaussianStatistics.decode(bytes, java.nio.file.Path.of("mem"));
        assertEquals("abc", back.extractorSha256());
        assertEquals("fmnist-v1", back.statistics().extractor());
        assertEquals(50, back.statistics().n());
        assertArrayEquals(g.mean(), back.statistics().mean(), 0.0);
        assertArrayEquals(g.covariance(), back.statistics().covariance(), 0.0);
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);
        assertThrows(org.atelier.core.errors.CorruptFileException.class,
                () -> GaussianStatistics.decode(truncated, java.nio.file.Path.of("mem")));
        bytes[0] = 0;
        assertThrows(org.atelier.core.errors.CorruptFileException.class,
                () -> GaussianStatistics.decode(bytes, java.nio.file.Path.of("mem")));
    }

    @Test
    void aSnapshotRebuildsTheSameState() {
        float[][] rows = TestData.gaussian(300, 5, 0.1, 3);
        FeatureStatistics s = new FeatureStatistics(5);
        s.addAll(rows);
        FeatureStatistics back = FeatureStatistics.fromSnapshot(s.snapshot());
        float[][] more = TestData.gaussian(70, 5, 0.2, 4);
        s.addAll(more);
        back.addAll(more);
        assertEquals(s.count(), back.count());
        assertArrayEquals(s.sum(), back.sum(), 0.0);
        assertArrayEquals(s.outerProductSum(), back.outerProductSum(), 0.0);
    }
}
