package org.atelier.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.datasets.idx.IdxArray;
import org.atelier.datasets.idx.IdxWriter;
import org.atelier.evaluation.distribution.FeatureStatistics;
import org.atelier.evaluation.distribution.FrechetDistance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FidBenchmarkTest {
    private static float[][] features(long seed, int n, int d, double shift) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] rows = new float[n][d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) (rng.nextGaussian() + shift * j);
            }
        }
        return rows;
    }

    private static Path write(Path file, float[][] rows) throws Exception {
        ByteBuffer buf = ByteBuffer.allocate(rows.length * rows[0].length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : rows) {
            for (float v : row) {
                buf.putFloat(v);
            }
        }
        return Files.write(file, buf.array());
    }

    @Test
    void filesGiveTheFidOfTheFeaturesTheyHold(@TempDir Path dir) throws Exception {
        float[][] a = features(1, 200, 8, 0);
        float[][] b = features(2, 150, 8, 0.1);
        FidBenchmark.FilesResult r = FidBenchmark.betweenFiles(write(dir.resolve("a.f32"), a),
                write(dir.resolve("b.f32"), b), 8);
        FeatureStatistics sa = new FeatureStatistics(8);
        sa.addAll(a);
        FeatureStatistics sb = new FeatureStatistics(8);
        sb.addAll(b);
        assertEquals(FrechetDistance.between(sa.toGaussian("t"), sb.toGaussian("t")), r.fid(), 1e-12);
        assertEquals(200, r.nA());
        assertEquals(150, r.nB());
        assertTrue(r.fid() > 0 && r.totalSeconds() >= r.fidSeconds());
        assertEquals(8, r.toJson().get("d"));
    }

    @Test
    void badFeatureFilesAreNamed(@TempDir Path dir) throws Exception {
        Path a = write(dir.resolve("a.f32"), features(1, 10, 4, 0));
        Path missing = dir.resolve("missing.f32");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FidBenchmark.betweenFiles(a, missing, 4));
        assertTrue(e.getMessage().contains("missing.f32"), e.getMessage());
        InvalidInputException rows = assertThrows(InvalidInputException.class, () -> FidBenchmark.betweenFiles(a, a, 3));
        assertTrue(rows.getMessage().contains("a.f32") && rows.getMessage().contains("3-d"), rows.getMessage());
        assertThrows(InvalidInputException.class, () -> FidBenchmark.betweenFiles(a, a, 0));
    }

    @Test
    void streamsAnIdxFileThroughFmnistV1(@TempDir Path dir) throws Exception {
        int n = 120;
        Path idx = dir.resolve("noise.idx");
        byte[] pixels = new byte[n * 28 * 28];
        new SplittableRandom(3).nextBytes(pixels);
        IdxWriter.write(new IdxArray(new int[] {n, 28, 28}, pixels), idx, false);
        FidBenchmark.StreamResult r = FidBenchmark.streamIdx(idx);
        assertEquals(n, r.n());
        assertTrue(r.fid() > 0, "noise is far from Fashion-MNIST: " + r.fid());
        assertNotNull(r.fidInfinity(), "FID-infinity needs 100 images, there are 120");
        assertTrue(r.peakRssMb() > 0 && r.peakHeapMb() > 0 && r.maxHeapMb() >= r.peakHeapMb());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> FidBenchmark.streamIdx(dir.resolve("none.idx")));
        assertTrue(e.getMessage().contains("none.idx"), e.getMessage());
    }
}
