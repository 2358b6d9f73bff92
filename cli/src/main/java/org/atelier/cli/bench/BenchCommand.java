package org.atelier.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.io.Json;
import org.atelier.datasets.ProjectRoot;
import org.atelier.models.backend.BackendInfo;
import org.atelier.models.backend.Backends;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atelier bench [--quick] [--json] [--vs-pytorch] [--profile] [--cases LIST] [--report DIR]}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
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

    @Option(names = "--report", paramLabel = "DIR", description = "Also write the run as a report folder: index.html "
            + "(table, ratio chart, profiles), results.json, provenance.json.")
    Path reportDir;

    @Option(names = "--vs-pytorch", description = "Also time the PyTorch reference (needs /usr/bin/python3 with torch).")
    boolean vsPytorch;

    @Option(names = "--profile", description = "Attach an op-level profiler to the model cases and print where their "
            + "time goes (ops per run, time by layer kind and op type). Their times then include its small overhead.")
    boolean profile;

    @Option(names = "--gc-per-run", description = "Diagnostic: end each Atelier run with System.gc(), inside the timing, so "
            + "ND4J frees the run's arrays at once instead of when memory runs short. Needs JavaCPP headroom "
            + "(maxphysicalbytes above the peak) to show anything.")
    boolean gcPerRun;

    @Option(names = "--cases", paramLabel = "LIST", description = "Comma-separated subset of: "
            + "dcgan28_step, unet28_step, unet28_forward, ddim50, fid, ssim (default: all).")
    String cases;

    @Option(names = "--warmup", defaultValue = "2", paramLabel = "N",
            description = "Untimed runs per case before timing, 0..100 (default ${DEFAULT-VALUE}; ddim50 and fid: at most 1).")
    int warmup;

    @Option(names = "--iterations", defaultValue = "5", paramLabel = "N",
            description = "Timed runs per case, 1..1000 (default ${DEFAULT-VALUE}; ddim50 and fid: at most 3).")
    int iterations;

    @Option(names = "--python", paramLabel = "PATH", description = "Python with torch (default: /usr/bin/python3).")
    Path python;

    @Option(names = "--torch-threads", paramLabel = "N", description = "PyTorch threads (default: ND4J's OpenMP threads).")
    Integer torchThreads;

    @Override
    public Integer call() {
        if (warmup < 0 || warmup > 100) {
            throw new InvalidInputException("--warmup must be in 0..100, got " + warmup);
        }
        if (iterations < 1 || iterations > 1000) {
            throw new InvalidInputException("--iterations must be in 1..1000, got " + iterations);
        }
        if (torchThreads != null && torchThreads < 1) {
            throw new InvalidInputException("--torch-threads must be >= 1, got " + torchThreads);
        }
        List<BenchCase> selected = BenchCases.select(cases);
        BenchSettings settings = (quick ? BenchSettings.tiny() : BenchSettings.full(warmup, iterations))
                .withGcPerRun(gcPerRun);
        BackendInfo backend = Backends.start();
        double loadBefore = loadAverage();
        String takenAt = ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        List<CaseResult> results;
        Map<String, Object> hello = null;
        if (vsPytorch) {
            Path script = ProjectRoot.path().resolve("benchmarks/pytorch/bench.py");
            int threads = torchThreads != null ? torchThreads : backend.ompThreads();
            try (PyTorchRunner torch = PyTorchRunner.start(python != null ? python : PyTorchRunner.DEFAULT_PYTHON,
                    script, threads)) {
                hello = torch.hello();
                results = new BenchRunner(settings, torch, profile, System.err).run(selected);
            }
        } else {
            results = new BenchRunner(settings, null, profile, System.err).run(selected);
        }
        BenchReport report = new BenchReport(takenAt, settings, MachinePeak.read(), backend, hello, loadBefore,
                loadAverage(), results);
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

    /** The 1-minute load average of /proc/loadavg, NaN where there is none. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
