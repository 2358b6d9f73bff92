package org.atelier.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs cases: per case, both sides prepare, then warm-up runs and timed runs alternate Atelier,
 * PyTorch, Atelier, PyTorch… so that both see the same background load, and each side's peak
 * RSS is read from the moment its case was prepared (the peak mark is reset before). The JVM's
 * garbage is collected between cases, since ND4J frees native arrays only when their Java
 * wrappers are collected.
 */
final class BenchRunner {
    private final BenchSettings settings;
    private final PyTorchRunner torch;
    private final boolean profile;
    private final PrintStream progress;

    /**
     * @param torch    the PyTorch side, or null to time Atelier alone
     * @param profile  attach {@link OpProfiler} to the model cases (their times then include its overhead)
     * @param progress where to say which case is running (stderr)
     */
    BenchRunner(BenchSettings settings, PyTorchRunner torch, boolean profile, PrintStream progress) {
        this.settings = settings;
        this.torch = torch;
        this.profile = profile;
        this.progress = progress;
    }

    List<CaseResult> run(List<BenchCase> cases) {
        List<CaseResult> out = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            BenchCase c = cases.get(i);
            progress.printf(Locale.ROOT, "[%d/%d] %s: %s …%n", i + 1, cases.size(), c.id(), c.title(settings));
            CaseResult r = run(c);
            progress.printf(Locale.ROOT, "        Atelier %.4f s%s%n", r.atelier().median(),
                    r.pytorch() == null ? "" : String.format(Locale.ROOT, ", PyTorch %.4f s, ratio %.2f (CPU time %.2f)",
                            r.pytorch().median(), r.ratio(), r.cpuRatio()));
            out.add(r);
        }
        return out;
    }

    /** One run; with {@link BenchSettings#gcPerRun} the JVM then collects, so ND4J frees the run's arrays now. */
    private void runOnce(Workload w) {
        w.run();
        if (settings.gcPerRun()) {
            System.gc();
        }
    }

    /** CPU time of this process, all threads (ND4J's OpenMP workers, GC, JIT included). */
    private static long cpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    CaseResult run(BenchCase c) {
        System.gc();
        PeakMemory.reset();
        Map<String, Object> torchFacts = torch == null ? Map.of() : torch.prepare(c.id(), settings.quick());
        OpProfiler profiler = profile && c.runsGraphs() ? new OpProfiler() : null;
        try (Workload w = c.prepare(settings)) {
            int warmup = settings.warmupFor(c);
            int runs = settings.iterationsFor(c);
            for (int i = 0; i < warmup; i++) {
                runOnce(w);
                if (torch != null) {
                    torch.run();
                }
            }
            if (profiler != null) {
                profiler.reset();
            }
            List<Double> ours = new ArrayList<>();
            List<Double> oursCpu = new ArrayList<>();
            List<Double> theirs = new ArrayList<>();
            List<Double> theirsCpu = new ArrayList<>();
            double torchPeak = Double.NaN;
            Map<String, Object> torchLast = Map.of();
            for (int i = 0; i < runs; i++) {
                long c0 = cpuNanos();
                long t0 = System.nanoTime();
                runOnce(w);
                ours.add((System.nanoTime() - t0) / 1e9);
                oursCpu.add((cpuNanos() - c0) / 1e9);
                if (torch != null) {
                    torchLast = torch.run();
                    theirs.add(((Number) torchLast.get("seconds")).doubleValue());
                    theirsCpu.add(((Number) torchLast.get("cpu_seconds")).doubleValue());
                    torchPeak = ((Number) torchLast.get("peak_rss_mb")).doubleValue();
                }
            }
            double ourPeak = PeakMemory.peakRssMb();
            Timing atelier = new Timing(ours);
            ProfileSummary summary = profiler == null ? null : ProfileSummary.of(profiler, runs, atelier.median());
            Map<String, Object> facts = new LinkedHashMap<>(torchFacts);
            if (torchLast.containsKey("value")) {
                facts.put("value", torchLast.get("value"));
            }
            return new CaseResult(c.id(), c.title(settings), w.flops(), atelier, new Timing(oursCpu), ourPeak, w.facts(),
                    torch == null ? null : new Timing(theirs), torch == null ? null : new Timing(theirsCpu), torchPeak,
                    torch == null ? null : facts, summary);
        } finally {
            if (profiler != null) {
                profiler.close();
            }
            if (torch != null) {
                torch.release();
            }
        }
    }
}
