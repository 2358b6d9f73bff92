package org.atelier.bench;

import java.nio.file.Path;
import org.atelier.core.errors.InvalidInputException;

/**
 * What one benchmark run times, and against what. A notebook cell:
 * <pre>
 * BenchReport r = Bench.run(BenchRequest.quick().withCases("ssim,fid"));
 * r.print(System.out);
 * </pre>
 *
 * @param settings     sizes and repetitions
 * @param cases        comma-separated case ids ({@link BenchCases#ids()}), run in the standard order;
 *                     null or blank for all
 * @param profile      attach the op profiler to the cases that run SameDiff graphs (their times then
 *                     include its small overhead)
 * @param vsPytorch    also time {@code benchmarks/pytorch/bench.py}, alternating with our runs
 * @param python       interpreter with torch, null for {@link PyTorchRunner#DEFAULT_PYTHON}
 * @param torchThreads PyTorch's threads, null for ND4J's OpenMP thread count; at least 1
 */
public record BenchRequest(BenchSettings settings, String cases, boolean profile, boolean vsPytorch, Path python,
                           Integer torchThreads) {
    public BenchRequest {
        if (settings == null) {
            throw new IllegalArgumentException("settings are required");
        }
        if (torchThreads != null && torchThreads < 1) {
            throw new InvalidInputException("--torch-threads must be >= 1, got " + torchThreads);
        }
    }

    /** Every case on tiny sizes, once, Atelier alone: checks that everything runs, measures nothing. */
    public static BenchRequest quick() {
        return new BenchRequest(BenchSettings.tiny(), null, false, false, null, null);
    }

    /** Every case at the full sizes with the default warm-up and timed runs, Atelier alone. */
    public static BenchRequest full() {
        return new BenchRequest(BenchSettings.full(BenchSettings.DEFAULT_WARMUP, BenchSettings.DEFAULT_ITERATIONS), null,
                false, false, null, null);
    }

    /** The same request for the given comma-separated cases (null or blank: all). */
    public BenchRequest withCases(String list) {
        return new BenchRequest(settings, list, profile, vsPytorch, python, torchThreads);
    }

    /** The same request with the op profiler on or off. */
    public BenchRequest withProfile(boolean on) {
        return new BenchRequest(settings, cases, on, vsPytorch, python, torchThreads);
    }

    /** The same request, also timing PyTorch with {@code python} (null: the default) on {@code threads} (null: ND4J's). */
    public BenchRequest withPytorch(Path python, Integer threads) {
        return new BenchRequest(settings, cases, profile, true, python, threads);
    }

    /** The interpreter to run the PyTorch side with. */
    Path pythonOrDefault() {
        return python != null ? python : PyTorchRunner.DEFAULT_PYTHON;
    }
}
