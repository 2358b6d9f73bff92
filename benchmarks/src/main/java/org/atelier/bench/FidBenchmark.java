package org.atelier.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.random.Seeds;
import org.atelier.evaluation.distribution.FeatureStatistics;
import org.atelier.evaluation.distribution.FidInfinity;
import org.atelier.evaluation.distribution.FrechetDistance;
import org.atelier.evaluation.distribution.GaussianStatistics;
import org.atelier.evaluation.distribution.ImageFeatureSource;
import org.atelier.evaluation.distribution.ReferenceStatistics;
import org.atelier.evaluation.distribution.StratifiedStatistics;
import org.atelier.models.features.FmnistV1;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The two measurements of {@code benchmarks/fid_benchmark.py}, which runs them through
 * {@code atelier bench fid-files} and {@code atelier bench fid-stream} and times scipy's
 * {@code sqrtm} route on the same data in the same run. Benchmarks, not tests.
 *
 * <ul>
 *   <li>{@link #betweenFiles}: FID between two raw little-endian float32 feature files (N × D,
 *       row-major): time to accumulate the streaming statistics and time for the Fréchet
 *       distance itself.</li>
 *   <li>{@link #streamIdx}: a full {@code fmnist-v1} evaluation (features, FID and FID∞ against
 *       the committed {@code fmnist-test} statistics) of every image of an IDX file, with the
 *       process's peak resident memory (VmHWM) and peak heap use — run it on a 10k and a 100k
 *       file, each in its own JVM, to see that memory does not grow with N.</li>
 * </ul>
 */
public final class FidBenchmark {
    private FidBenchmark() {
    }

    /** FID between two feature files, and what each part took. */
    public record FilesResult(long nA, long nB, int dimension, double fid, double statsSeconds, double fidSeconds,
                              double totalSeconds, int threads) {
        /** The JSON object fid_benchmark.py reads (its keys are that script's contract). */
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n_a", nA);
            m.put("n_b", nB);
            m.put("d", dimension);
            m.put("fid", fid);
            m.put("stats_seconds", statsSeconds);
            m.put("fid_seconds", fidSeconds);
            m.put("total_seconds", totalSeconds);
            m.put("threads", threads);
            return m;
        }
    }

    /**
     * One streamed evaluation and the memory it took.
     *
     * @param fidInfinity null when there are too few images for FID∞
     */
    public record StreamResult(long n, double fid, Double fidInfinity, double seconds, double peakRssMb,
                               double peakHeapMb, double maxHeapMb) {
        /** The JSON object fid_benchmark.py reads (its keys are that script's contract). */
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", n);
            m.put("fid", fid);
            m.put("fid_inf", fidInfinity);
            m.put("seconds", seconds);
            m.put("peak_rss_mb", peakRssMb);
            m.put("peak_heap_mb", peakHeapMb);
            m.put("max_heap_mb", maxHeapMb);
            return m;
        }
    }

    /**
     * FID between the features in {@code a} and {@code b}.
     *
     * @param d features per row, at least 1
     * @throws InvalidInputException when a file is missing or is not a whole number of d-float rows
     */
    public static FilesResult betweenFiles(Path a, Path b, int d) {
        if (d < 1) {
            throw new InvalidInputException("--d must be at least 1, got " + d);
        }
        for (Path f : new Path[] {a, b}) {
            if (!Files.isRegularFile(f)) {
                throw new InvalidInputException(f + ": no such file (raw little-endian float32 features, " + d
                        + " per row, expected)");
            }
        }
        // load ND4J's natives before the clock starts, as scipy is imported before its timing
        Nd4j.gemm(Nd4j.eye(2).castTo(DataType.DOUBLE), Nd4j.eye(2).castTo(DataType.DOUBLE), false, false);
        long t0 = System.nanoTime();
        FeatureStatistics sa = accumulate(a, d);
        FeatureStatistics sb = accumulate(b, d);
        GaussianStatistics ga = sa.toGaussian("bench");
        GaussianStatistics gb = sb.toGaussian("bench");
        long t1 = System.nanoTime();
        double fid = FrechetDistance.between(ga, gb);
        long t2 = System.nanoTime();
        return new FilesResult(sa.count(), sb.count(), d, fid, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9,
                Runtime.getRuntime().availableProcessors());
    }

    private static FeatureStatistics accumulate(Path file, int d) {
        FeatureStatistics s = new FeatureStatistics(d);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long bytes = ch.size();
            if (bytes % (4L * d) != 0) {
                throw new InvalidInputException(file + ": " + bytes + " bytes is not a whole number of " + d + "-d float32 rows");
            }
            FloatBuffer fb = ch.map(FileChannel.MapMode.READ_ONLY, 0, bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            float[] row = new float[d];
            while (fb.remaining() >= d) {
                fb.get(row);
                s.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s;
    }

    /**
     * Streams every image of {@code idx} through {@code fmnist-v1} into FID and FID∞ against
     * {@code fmnist-test}; the time includes loading the extractor and the reference.
     *
     * @throws InvalidInputException when the file is missing or is not an IDX file of 28×28 images
     */
    public static StreamResult streamIdx(Path idx) {
        long t0 = System.nanoTime();
        FmnistV1 extractor = FmnistV1.load();
        ImageFeatureSource images = ImageFeatureSource.idx(idx, extractor);
        FrechetDistance reference = FrechetDistance.prepare(ReferenceStatistics.fmnistTest());
        StratifiedStatistics strata = new StratifiedStatistics(extractor.dimension(), FidInfinity.DEFAULT_POINTS);
        SplittableRandom rng = new SplittableRandom(Seeds.derive(0, "fid-inf-strata"));
        images.stream(batch -> strata.addAll(batch, rng));
        double fid = reference.distanceTo(strata.all().toGaussian(extractor.id()));
        FidInfinity.Result inf = FidInfinity.compute(strata, reference, extractor.id());
        long t1 = System.nanoTime();
        return new StreamResult(strata.count(), fid, inf == null ? null : inf.fidInfinity(), (t1 - t0) / 1e9,
                PeakMemory.peakRssMb(), peakHeapMb(), Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    /** Highest use of each heap pool since the JVM started, summed, MiB. */
    static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / 1048576.0;
    }
}
