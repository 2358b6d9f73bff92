package org.atelier.cli.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.atelier.bench.FidBenchmark;
import org.atelier.core.io.Json;
import org.atelier.cli.OldSpellings;
import org.atelier.cli.Required;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atelier bench fid-files --generated A.f32 --reference B.f32 --d D}: one JSON line for benchmarks/fid_benchmark.py. */
@Command(name = "fid-files", mixinStandardHelpOptions = true,
        description = {"FID between two raw little-endian float32 feature files (N x D, row-major), timing the "
                + "streaming statistics and the Frechet distance apart. Prints one JSON object on one line "
                + "(n_a, n_b, d, fid, stats_seconds, fid_seconds, total_seconds, threads).",
            "benchmarks/fid_benchmark.py runs it next to scipy's sqrtm route on the same features."})
final class FidFilesCommand implements Callable<Integer> {
    @Option(names = "--generated", paramLabel = "FILE", description = "Features of the generated samples.")
    Path a;

    @Option(names = "--reference", paramLabel = "FILE", description = "Features of the reference samples.")
    Path b;

    @Option(names = "--a", hidden = true, paramLabel = "FILE")
    void oldA(Path v) {
        a = OldSpellings.use("--a", "--generated", v);
    }

    @Option(names = "--b", hidden = true, paramLabel = "FILE")
    void oldB(Path v) {
        b = OldSpellings.use("--b", "--reference", v);
    }

    @Option(names = "--d", required = true, paramLabel = "D", description = "Features per row.")
    int d;

    @Override
    public Integer call() {
        Required.given("--generated", a);
        Required.given("--reference", b);
        System.out.println(Json.line(FidBenchmark.betweenFiles(a, b, d).toJson()));
        return 0;
    }
}
