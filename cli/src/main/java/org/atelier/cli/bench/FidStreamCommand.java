package org.atelier.cli.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.atelier.bench.FidBenchmark;
import org.atelier.core.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atelier bench fid-stream --idx FILE}: one JSON line for benchmarks/fid_benchmark.py. */
@Command(name = "fid-stream", mixinStandardHelpOptions = true,
        description = {"Streams every image of an IDX file through fmnist-v1 into FID and FID-infinity against the "
                + "committed fmnist-test statistics, and reports the process's peak resident memory and peak heap. "
                + "Prints one JSON object on one line (n, fid, fid_inf, seconds, peak_rss_mb, peak_heap_mb, "
                + "max_heap_mb).",
            "benchmarks/fid_benchmark.py runs it on 10 000 and 100 000 images, each in its own JVM, to show that "
                + "memory does not grow with N (set the heap with ATELIER_JAVA_OPTS=-Xmx...)."})
final class FidStreamCommand implements Callable<Integer> {
    @Option(names = "--idx", required = true, paramLabel = "FILE", description = "IDX file of 28x28 uint8 images.")
    Path idx;

    @Override
    public Integer call() {
        System.out.println(Json.line(FidBenchmark.streamIdx(idx).toJson()));
        return 0;
    }
}
