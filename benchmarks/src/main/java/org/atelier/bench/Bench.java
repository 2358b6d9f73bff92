package org.atelier.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.atelier.datasets.ProjectRoot;
import org.atelier.models.backend.BackendInfo;
import org.atelier.models.backend.Backends;

/**
 * The benchmark harness as one call: {@code Bench.run(BenchRequest.quick())} returns the
 * {@link BenchReport} that {@code atelier bench} prints ({@link BenchReport#print},
 * {@link BenchReport#toJson}) or writes as a report folder ({@link BenchHtml#write}).
 */
public final class Bench {
    /** The PyTorch twin of the harness, relative to the project root. */
    static final String PYTORCH_SCRIPT = "benchmarks/pytorch/bench.py";

    private Bench() {
    }

    /** {@link #run(BenchRequest, PrintStream)} with progress on stderr. */
    public static BenchReport run(BenchRequest request) {
        return run(request, System.err);
    }

    /**
     * Starts the backend, runs the chosen cases (with the PyTorch side when asked for) and
     * returns the report, with the machine's load average before and after.
     *
     * @param progress where to say which case is running and what it took
     * @throws org.atelier.core.errors.InvalidInputException for an unknown case, or a Python that cannot run torch
     */
    public static BenchReport run(BenchRequest request, PrintStream progress) {
        List<BenchCase> selected = BenchCases.select(request.cases());
        BenchSettings settings = request.settings();
        BackendInfo backend = Backends.start();
        double loadBefore = LoadAverage.oneMinute();
        String takenAt = ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        List<CaseResult> results;
        Map<String, Object> hello = null;
        if (request.vsPytorch()) {
            Path script = ProjectRoot.path().resolve(PYTORCH_SCRIPT);
            int threads = request.torchThreads() != null ? request.torchThreads() : backend.ompThreads();
            try (PyTorchRunner torch = PyTorchRunner.start(request.pythonOrDefault(), script, threads)) {
                hello = torch.hello();
                results = new BenchRunner(settings, torch, request.profile(), progress).run(selected);
            }
        } else {
            results = new BenchRunner(settings, null, request.profile(), progress).run(selected);
        }
        return new BenchReport(takenAt, settings, MachinePeak.read(), backend, hello, loadBefore, LoadAverage.oneMinute(),
                results);
    }
}
