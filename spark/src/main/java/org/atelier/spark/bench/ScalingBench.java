package org.atelier.spark.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaSparkContext;
import org.atelier.core.io.Json;
import org.atelier.datasets.idx.IdxArray;
import org.atelier.datasets.idx.IdxWriter;
import org.atelier.evaluation.distribution.DistributionComparison;
import org.atelier.evaluation.distribution.DistributionOptions;
import org.atelier.evaluation.distribution.DistributionResult;
import org.atelier.evaluation.distribution.ReferenceStatistics;
import org.atelier.models.features.FmnistV1;
import org.atelier.spark.SparkContexts;
import org.atelier.spark.SparkDistribution;

/**
 * FID and FID∞ of N generated 28×28 images against the committed fmnist-test statistics, on one
 * core (the single-machine path) or on a Spark master, printing images per second and memory:
 * {@code spark/bench.sh} runs it. The images are written once per N, deterministically, to an IDX
 * file. In local mode the driver and the executors share one JVM, so the memory figures bound
 * the driver's from above; {@code retained_heap_after_full_gc_mb} is what stays reachable once the
 * job is done (idle executors hold no task state), the driver's share. With a
 * {@code local-cluster[W,C,MB]} master the executors are separate JVMs and every figure is the
 * driver's.
 *
 * <p>Arguments: {@code N DIR MASTER}, MASTER {@code none} for the single-machine path.
 */
public final class ScalingBench {
    private ScalingBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path images = images(n, Path.of(args[1]));
        String master = args[2];
        if (master.startsWith("local-cluster")) {
            separateExecutors();
        }
        MemoryWatch watch = MemoryWatch.start();
        DistributionOptions fidOnly = new DistributionOptions(true, true, false, 1, 2, false, 3, 0, 0);
        long t0 = System.nanoTime();
        DistributionResult r;
        long retained;
        long jobs = 0;
        if ("none".equals(master)) {
            r = DistributionComparison.run(images.toString(), ReferenceStatistics.FASHION_MNIST_TEST, FmnistV1.ID, fidOnly);
            retained = liveHeapAfterFullGc();
        } else {
            try (JavaSparkContext sc = SparkContexts.open(master)) {
                r = SparkDistribution.run(sc, images.toString(), ReferenceStatistics.FASHION_MNIST_TEST, FmnistV1.ID, fidOnly,
                        SparkDistribution.Limits.DEFAULT);
                // what the driver keeps once the job is done, its context still open (Spark's job records included)
                retained = liveHeapAfterFullGc();
                jobs = sc.statusTracker().getJobIdsForGroup(null).length;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        watch.stop();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", n);
        out.put("master", master);
        out.put("cores", "none".equals(master) ? "one thread of tasks (single-machine path)" : master);
        out.put("seconds", seconds);
        out.put("images_per_s", n / seconds);
        out.put("fid", r.fid());
        out.put("fid_inf", r.fidInf());
        out.put("peak_heap_used_mb", watch.peakHeap.get() / 1e6);
        out.put("peak_heap_after_gc_mb", watch.peakAfterGc.get() / 1e6);
        out.put("peak_rss_mb", vmHwmKb() / 1e3);
        out.put("retained_heap_after_full_gc_mb", retained / 1e6);
        out.put("spark_jobs", jobs);
        out.put("load_average_1min_at_end", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println(Json.pretty(out));
    }

    /**
     * Spark's {@code local-cluster[W,C,MB]} master starts W worker JVMs on this machine, so the
     * driver's figures are the driver's alone. It needs no Spark installation when the workers get
     * this JVM's class path and flags; SPARK_HOME must name a folder holding a {@code RELEASE} file
     * and a {@code jars} folder (both may be empty), and SPARK_SCALA_VERSION must be set: spark/bench.sh
     * does both.
     */
    private static void separateExecutors() {
        // absolute: executors start in their own work folders
        System.setProperty("spark.executor.extraClassPath", java.util.Arrays.stream(
                        System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator)));
        String opens = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Dorg.bytedeco"))
                .collect(java.util.stream.Collectors.joining(" "));
        System.setProperty("spark.executor.extraJavaOptions", opens);
    }

    /** Heap in use after full collections: what is still reachable. */
    private static long liveHeapAfterFullGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) { // a second collection frees what the first one's finalizers released
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** N noise-and-stripes images, the same bytes for the same N. */
    private static Path images(int n, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("bench-" + n + ".idx");
        if (!Files.exists(file)) {
            byte[] pixels = new byte[n * 28 * 28];
            SplittableRandom rng = new SplittableRandom(n);
            for (int i = 0; i < pixels.length; i++) {
                int stripe = (i / 28) % 28 < 14 ? 60 : 0;
                pixels[i] = (byte) (rng.nextInt(190) + stripe);
            }
            Path tmp = dir.resolve("bench-" + n + ".idx.tmp");
            IdxWriter.write(new IdxArray(new int[] {n, 28, 28}, pixels), tmp, false);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return file;
    }

    private static long vmHwmKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Samples the heap every 100 ms: the largest use seen, and the largest live set left after a collection. */
    private static final class MemoryWatch {
        final AtomicLong peakHeap = new AtomicLong();
        final AtomicLong peakAfterGc = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        static MemoryWatch start() {
            MemoryWatch w = new MemoryWatch();
            w.thread = new Thread(w::loop, "memory-watch");
            w.thread.setDaemon(true);
            w.thread.start();
            return w;
        }

        private void loop() {
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            while (running) {
                long used = 0;
                long afterGc = 0;
                for (MemoryPoolMXBean p : heap) {
                    used += p.getUsage().getUsed();
                    if (p.getCollectionUsage() != null) {
                        afterGc += p.getCollectionUsage().getUsed();
                    }
                }
                peakHeap.accumulateAndGet(used, Math::max);
                peakAfterGc.accumulateAndGet(afterGc, Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}
