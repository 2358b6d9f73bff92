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
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.io.Json;
import org.atelier.core.random.Seeds;
import org.atelier.evaluation.distribution.FeatureStatistics;
import org.atelier.evaluation.distribution.FidInfinity;
import org.atelier.evaluation.distribution.FrechetDistance;
import org.atelier.evaluation.distribution.GaussianStatistics;
import org.atelier.evaluation.distribution.ImageFeatureSource;
import org.atelier.evaluation.distribution.ReferenceStatistics;
import org.atelier.evaluation.distribution.StratifiedStatistics;
import org.atelier.models.features.FmnistV1;

/**
 * Benchmarks, not tests (driven by {@code benchmarks/fid_benchmark.py}, which also times
 * scipy's {@code sqrtm} route on the same data in the same run). Prints one JSON line.
 *
 * <ul>
 *   <li>{@code fid --a A.f32 --b B.f32 --d D}: FID between two raw little-endian float32
 *       feature files (N × D, row-major): time to accumulate the streaming statistics and time
 *       for the Fréchet distance itself.</li>
 *   <li>{@code stream --idx FILE}: a full {@code fmnist-v1} evaluation (features, FID and FID∞
 *       against the committed {@code fmnist-test} statistics) of every image of an IDX file,
 *       reporting the process's peak resident memory (VmHWM) and peak heap use — run it on a
 *       10k and a 100k file to see that memory does not grow with N.</li>
 * </ul>
 */
public final class FidBenchmark {
    private FidBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            throw new InvalidInputException("usage: fid --a A.f32 --b B.f32 --d D | stream --idx FILE");
        }
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            opt.put(args[i], args[i + 1]);
        }
        Map<String, Object> out = switch (args[0]) {
            case "fid" -> fid(Path.of(opt.get("--a")), Path.of(opt.get("--b")), Integer.parseInt(opt.get("--d")));
            case "stream" -> stream(Path.of(opt.get("--idx")));
            default -> throw new InvalidInputException("unknown benchmark '" + args[0] + "'; expected fid or stream");
        };
        System.out.println(Json.line(out));
    }

    static Map<String, Object> fid(Path a, Path b, int d) {
        // load ND4J's natives before the clock starts, as scipy is imported before its timing
        org.nd4j.linalg.factory.Nd4j.gemm(org.nd4j.linalg.factory.Nd4j.eye(2).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE),
                org.nd4j.linalg.factory.Nd4j.eye(2).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE), false, false);
        long t0 = System.nanoTime();
        FeatureStatistics sa = accumulate(a, d);
        FeatureStatistics sb = accumulate(b, d);
        GaussianStatistics ga = sa.toGaussian("bench");
        GaussianStatistics gb = sb.toGaussian("bench");
        long t1 = System.nanoTime();
        double fid = FrechetDistance.between(ga, gb);
        long t2 = System.nanoTime();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n_a", sa.count());
        m.put("n_b", sb.count());
        m.put("d", d);
        m.put("fid", fid);
        m.put("stats_seconds", (t1 - t0) / 1e9);
        m.put("fid_seconds", (t2 - t1) / 1e9);
        m.put("total_seconds", (t2 - t0) / 1e9);
        m.put("threads", Runtime.getRuntime().availableProcessors());
        return m;
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

    static Map<String, Object> stream(Path idx) {
        long t0 = System.nanoTime();
        FmnistV1 extractor = FmnistV1.load();
        FrechetDistance reference = FrechetDistance.prepare(ReferenceStatistics.fmnistTest());
        StratifiedStatistics strata = new StratifiedStatistics(extractor.dimension(), FidInfinity.DEFAULT_POINTS);
        SplittableRandom rng = new SplittableRandom(Seeds.derive(0, "fid-inf-strata"));
        ImageFeatureSource.idx(idx, extractor).stream(batch -> strata.addAll(batch, rng));
        double fid = reference.distanceTo(strata.all().toGaussian(extractor.id()));
        FidInfinity.Result inf = FidInfinity.compute(strata, reference, extractor.id());
        long t1 = System.nanoTime();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", strata.count());
        m.put("fid", fid);
        m.put("fid_inf", inf == null ? null : inf.fidInfinity());
        m.put("seconds", (t1 - t0) / 1e9);
        m.put("peak_rss_mb", peakRssMb());
        m.put("peak_heap_mb", peakHeapMb());
        m.put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1048576.0);
        return m;
    }

    /** VmHWM of /proc/self/status: the process's peak resident set, heap and native (ND4J) together. */
    static double peakRssMb() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
            for (String l : lines) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

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
