package org.atelier.cli.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.atelier.bench.Bench;
import org.atelier.bench.BenchHtml;
import org.atelier.bench.BenchReport;
import org.atelier.bench.BenchRequest;
import org.atelier.bench.BenchSettings;
import org.atelier.core.io.Json;
import org.atelier.cli.OldSpellings;
import org.atelier.models.Engine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code atelier bench [--quick] [--json] [--vs-pytorch] [--profile] [--cases LIST] [--out DIR]}: the
 * flags become a {@link BenchRequest}, {@link Bench#run} does the work, the report is printed.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        subcommands = {FidFilesCommand.class, FidStreamCommand.class},
        description = {"Time the workloads that decide how usable Atelier is, on the current backend: the DCGAN-28 and "
                + "UNet-28 training steps (batch 64), a UNet-28 forward pass (one sampling step), DDIM-50 sampling of "
                + "64 images, FID on 10 000 x 2048 features and SSIM over 10 000 pairs of 28x28 images, with the peak "
                + "memory of each.",
            "Each figure is the median of several timed runs after warm-up runs, with its range. --vs-pytorch runs "
                + "benchmarks/pytorch/bench.py (Debian's python3-torch) on the same architectures and shapes in one "
                + "python3 process, alternating with the Java runs, and prints the ratio per figure and the GFLOP/s of "
                + "each side next to the machine's nominal fp32 peak.",
            "Threads: ND4J uses OMP_NUM_THREADS (default: all cores); PyTorch gets the same number unless "
                + "--torch-threads says otherwise. Set OMP_NUM_THREADS=1 on a shared machine."})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "Tiny sizes, each case once, no warm-up: checks that every case runs.")
    boolean quick;

    @Option(names = "--json", description = "Print one JSON object instead of the table (progress still goes to stderr).")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the run as a report folder: index.html "
            + "(table, ratio chart, profiles), results.json, provenance.json.")
    Path reportDir;

    @Option(names = "--report", hidden = true, paramLabel = "DIR")
    void oldReport(Path v) {
        reportDir = OldSpellings.use("--report", "--out", v);
    }

    @Option(names = "--vs-pytorch", description = "Also time the PyTorch reference (needs /usr/bin/python3 with torch).")
    boolean vsPytorch;

    @Option(names = "--profile", description = "Attach an op-level profiler to the model cases and print where their "
            + "time goes (ops per run, time by layer kind and op type). Their times then include its small overhead.")
    boolean profile;

    @Option(names = "--gc-per-run", description = "Diagnostic: end each Atelier run with System.gc(), inside the timing, so "
            + "ND4J frees the run's arrays at once instead of when memory runs short. Needs JavaCPP headroom "
            + "(maxphysicalbytes above the peak) to show anything.")
    boolean gcPerRun;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "fast", converter = EngineConverter.class,
            description = "What runs the UNet and DCGAN cases: fast (default) or samediff (the figures before the fast engine).")
    Engine engine;

    @Option(names = "--cases", paramLabel = "LIST", description = "Comma-separated subset of: "
            + "dcgan28_step, unet28_step, unet28_forward, ddim, fid, ssim, gn_silu (default: all).")
    String cases;

    @Option(names = "--warmup", defaultValue = "" + BenchSettings.DEFAULT_WARMUP, paramLabel = "N",
            description = "Untimed runs per case before timing, 0.." + BenchSettings.MAX_WARMUP
                    + " (default ${DEFAULT-VALUE}; ddim and fid: at most 1).")
    int warmup;

    @Option(names = "--iterations", defaultValue = "" + BenchSettings.DEFAULT_ITERATIONS, paramLabel = "N",
            description = "Timed runs per case, 1.." + BenchSettings.MAX_ITERATIONS
                    + " (default ${DEFAULT-VALUE}; ddim and fid: at most 3).")
    int iterations;

    @Option(names = "--python", paramLabel = "PATH", description = "Python with torch (default: /usr/bin/python3).")
    Path python;

    @Option(names = "--torch-threads", paramLabel = "N", description = "PyTorch threads (default: ND4J's OpenMP threads).")
    Integer torchThreads;

    /** {@code --engine} through {@link Engine#parse}, whose message lists the known engines. */
    static final class EngineConverter implements CommandLine.ITypeConverter<Engine> {
        @Override
        public Engine convert(String value) {
            try {
                return Engine.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() {
        // made even with --quick, so that out-of-range --warmup/--iterations are refused either way
        BenchSettings full = BenchSettings.full(warmup, iterations);
        BenchSettings settings = (quick ? BenchSettings.tiny() : full).withGcPerRun(gcPerRun).withEngine(engine);
        BenchReport report = Bench.run(new BenchRequest(settings, cases, profile, vsPytorch, python, torchThreads),
                System.err);
        if (json) {
            System.out.println(Json.pretty(report.toJson()));
        } else {
            report.print(System.out);
        }
        if (reportDir != null) {
            System.err.println("report: " + BenchHtml.write(report, reportDir).toAbsolutePath());
        }
        return 0;
    }
}
