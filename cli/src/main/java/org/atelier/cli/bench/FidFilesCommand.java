package org.atelier.cli.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.atelier.bench.FidBenchmark;
import org.atelier.core.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atelier bench fid-files --a A.f32 --b B.f32 --d D}: one JSON line for benchmarks/fid_benchmark.py. */
@Command(name = "fid-files", mixinStandardHelpOptions = true,
        description = {"FID between two raw little-endian float32 feature files (N x D, row-major), timing the "
                + "streaming statistics and the Frechet distance apart. Prints one JSON object on one line "
                + "(n_a, n_b, d, fid, stats_seconds, fid_seconds, total_seconds, threads).",
            "benchmarks/fid_benchmark.py runs it next to scipy's sqrtm route on the same features."})
final class FidFilesCommand implements Callable<Integer> {
    @Option(names = "--a", required = true, paramLabel = "FILE", description = "First feature file.")
    Path a;

    @Option(names = "--b", required = true, paramLabel = "FILE", description = "Second feature file.")
    Path b;

    @Option(names = "--d", required = true, paramLabel = "D", description = "Features per row.")
    int d;

    @Override
    public Integer call() {
        System.out.println(Json.line(FidBenchmark.betweenFiles(a, b, d).toJson()));
        return 0;
    }
}
