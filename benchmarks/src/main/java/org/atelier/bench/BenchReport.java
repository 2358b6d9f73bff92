package org.atelier.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atelier.models.backend.BackendInfo;

/**
 * A finished benchmark run and its two renderings: a table for people and one JSON object
 * ({@link #toJson}) whose keys are the contract the tests check: {@code taken_at},
 * {@code settings}, {@code machine}, {@code atelier}, {@code pytorch} (null when not run),
 * {@code cases} (each: {@code id, title, flops, atelier, pytorch, ratio, cpu_ratio, mismatches} and
 * {@code profile} when asked for) and {@code peak_rss_mb}.
 *
 * @param torch      the PyTorch side's hello answer (version, threads), null when not run
 * @param loadBefore 1-minute load average when the run started (other jobs on the machine)
 * @param loadAfter  and when it ended
 */
public record BenchReport(String takenAt, BenchSettings settings, MachinePeak machine, BackendInfo backend,
                          Map<String, Object> torch, double loadBefore, double loadAfter, List<CaseResult> cases) {
    public BenchReport {
        cases = List.copyOf(cases);
    }

    /** Highest per-case peak RSS of the Atelier process, MiB. */
    public double peakRssMb() {
        return cases.stream().mapToDouble(CaseResult::atelierPeakMb).filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taken_at", takenAt);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("quick", settings.quick());
        s.put("warmup", settings.warmup());
        s.put("iterations", settings.iterations());
        s.put("batch", settings.batch());
        s.put("gan", settings.gan().id());
        s.put("unet", settings.unet().id());
        s.put("ddim_steps", settings.ddimSteps());
        s.put("ddim_images", settings.ddimImages());
        s.put("fid_samples", settings.fidSamples());
        s.put("fid_dimension", settings.fidDimension());
        s.put("ssim_pairs", settings.ssimPairs());
        s.put("gc_per_run", settings.gcPerRun());
        m.put("settings", s);
        Map<String, Object> mach = new LinkedHashMap<>();
        mach.put("cpu", machine.cpu());
        mach.put("cores", machine.cores());
        mach.put("ghz", finite(machine.ghz()));
        mach.put("simd", machine.simd());
        mach.put("fp32_flops_per_cycle", machine.flopsPerCycle());
        mach.put("peak_gflops", finite(machine.peakGflops()));
        mach.put("peak_gflops_used_threads", finite(machine.peakGflops(backend.ompThreads())));
        mach.put("peak_assumption", "2 FMA units per core");
        mach.put("load_average_before", finite(loadBefore));
        mach.put("load_average_after", finite(loadAfter));
        m.put("machine", mach);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("backend", backend.summary());
        a.put("nd4j", backend.nd4jVersion());
        a.put("threads", backend.ompThreads());
        a.put("java", System.getProperty("java.version"));
        m.put("atelier", a);
        if (torch != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("torch", torch.get("torch"));
            t.put("threads", torch.get("threads"));
            t.put("process", "one python3 process kept alive for the whole run; start-up not timed");
            m.put("pytorch", t);
        } else {
            m.put("pytorch", null);
        }
        List<Object> cs = new ArrayList<>();
        for (CaseResult c : cases) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("id", c.id());
            j.put("title", c.title());
            j.put("flops", c.flops() > 0 ? c.flops() : null);
            j.put("atelier", side(c.atelier(), c.atelierCpu(), c.flops(), c.atelierPeakMb(), c.atelierFacts()));
            j.put("pytorch", c.pytorch() == null ? null
                    : side(c.pytorch(), c.pytorchCpu(), c.flops(), c.pytorchPeakMb(), c.pytorchFacts()));
            j.put("ratio", finite(c.ratio()));
            j.put("cpu_ratio", finite(c.cpuRatio()));
            j.put("mismatches", c.mismatches());
            if (c.profile() != null) {
                j.put("profile", profile(c.profile()));
            }
            cs.add(j);
        }
        m.put("cases", cs);
        m.put("peak_rss_mb", finite(peakRssMb()));
        return m;
    }

    private static Map<String, Object> side(Timing t, Timing cpu, double flops, double peakMb, Map<String, Object> facts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median_s", t.median());
        m.put("min_s", t.min());
        m.put("max_s", t.max());
        m.put("q1_s", t.q1());
        m.put("q3_s", t.q3());
        m.put("n", t.count());
        m.put("seconds", t.seconds());
        m.put("cpu_median_s", cpu.median());
        m.put("cpu_seconds", cpu.seconds());
        m.put("gflops", finite(CaseResult.gflops(flops, t)));
        m.put("peak_rss_mb", finite(peakMb));
        m.putAll(facts);
        return m;
    }

    private static Map<String, Object> profile(ProfileSummary p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ops_per_run", p.opsPerRun());
        m.put("wall_s", p.wallSeconds());
        m.put("in_ops_s", p.opSeconds());
        m.put("outside_ops_s", p.outsideOpsSeconds());
        m.put("by_kind_s", p.byKind());
        Map<String, Object> types = new LinkedHashMap<>();
        p.byType().forEach((k, v) -> types.put(k, Map.of("count", v[0], "seconds", v[1])));
        m.put("by_op_type", types);
        return m;
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    /** The human-readable table. */
    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "atelier bench%s, %s%n", settings.quick() ? " --quick (tiny sizes, one run: a smoke "
                + "test, not a measurement)" : "", takenAt);
        out.printf(Locale.ROOT, "machine: %s%n", machine.describe());
        out.printf(Locale.ROOT, "nominal fp32 peak: %.1f GFLOP/s for the %d thread(s) used, %.1f GFLOP/s for the "
                + "machine; load average %.2f at start, %.2f at end%n", machine.peakGflops(backend.ompThreads()),
                Math.min(backend.ompThreads(), machine.cores()), machine.peakGflops(), loadBefore, loadAfter);
        out.printf(Locale.ROOT, "Atelier: %s, ND4J %s, %d OpenMP thread(s), Java %s%s%n", backend.summary(),
                backend.nd4jVersion(), backend.ompThreads(), System.getProperty("java.version"),
                settings.gcPerRun() ? "; System.gc() ends every run (--gc-per-run)" : "");
        if (torch != null) {
            out.printf(Locale.ROOT, "PyTorch: %s, %s thread(s), one process kept alive (start-up not timed); runs "
                    + "alternate Atelier / PyTorch%n", torch.get("torch"), torch.get("threads"));
        }
        out.println();
        out.printf(Locale.ROOT, "%-15s %10s %-21s %10s %-21s %6s %6s %8s %8s %7s %7s%n", "case", "Atelier s",
                "  [min, max] n", "PyTorch s", "  [min, max] n", "ratio", "ratio", "GFLOP/s", "GFLOP/s", "RSS MB", "RSS MB");
        out.printf(Locale.ROOT, "%-15s %10s %-21s %10s %-21s %6s %6s %8s %8s %7s %7s%n", "", "median", "", "median", "",
                "A/P", "CPU", "Atelier", "PyTorch", "Atelier", "PyTorch");
        for (CaseResult c : cases) {
            Timing p = c.pytorch();
            out.printf(Locale.ROOT, "%-15s %10.4f %-21s %10s %-21s %6s %6s %8s %8s %7.0f %7s%n", c.id(),
                    c.atelier().median(), range(c.atelier()),
                    p == null ? "-" : String.format(Locale.ROOT, "%.4f", p.median()), p == null ? "" : range(p),
                    p == null ? "-" : String.format(Locale.ROOT, "%.2f", c.ratio()),
                    p == null ? "-" : String.format(Locale.ROOT, "%.2f", c.cpuRatio()),
                    num(CaseResult.gflops(c.flops(), c.atelier()), "%.1f"), num(CaseResult.gflops(c.flops(), p), "%.1f"),
                    c.atelierPeakMb(), p == null ? "-" : num(c.pytorchPeakMb(), "%.0f"));
        }
        out.println();
        for (CaseResult c : cases) {
            out.printf(Locale.ROOT, "  %-15s %s%s%n", c.id(), c.title(), c.flops() > 0
                    ? String.format(Locale.ROOT, "; %.2f GFLOP per run", c.flops() / 1e9) : "");
            for (String mm : c.mismatches()) {
                out.printf(Locale.ROOT, "  %-15s WARNING: the two sides differ: %s%n", "", mm);
            }
        }
        out.println("  ratio = Atelier median / PyTorch median wall time (below 1: Atelier is faster); CPU = the same for "
                + "process CPU time, steadier on a shared machine.");
        out.println("  GFLOP/s (wall time) counts only convolution, dense and attention products; a training step = 3 "
                + "forward passes.");
        for (CaseResult c : cases) {
            if (c.profile() != null) {
                printProfile(out, c);
            }
        }
    }

    private static void printProfile(PrintStream out, CaseResult c) {
        ProfileSummary p = c.profile();
        out.println();
        out.printf(Locale.ROOT, "profile of %s (per run, op listener attached): %.0f op executions; wall %.3f s, "
                + "inside ops %.3f s (%.0f %%), outside ops %.3f s (executor, optimiser, host code)%n", c.id(),
                p.opsPerRun(), p.wallSeconds(), p.opSeconds(), 100 * p.opSeconds() / p.wallSeconds(),
                p.outsideOpsSeconds());
        StringBuilder kinds = new StringBuilder("  by layer kind:");
        p.byKind().forEach((k, v) -> kinds.append(String.format(Locale.ROOT, "  %s %.3f s (%.0f %%)", k, v,
                100 * v / p.opSeconds())));
        out.println(kinds);
        out.println("  top op types (executions per run, seconds per run):");
        p.byType().entrySet().stream().limit(12).forEach(e -> out.printf(Locale.ROOT, "    %-28s %6.0f %9.4f s  %4.1f %%%n",
                e.getKey(), e.getValue()[0], e.getValue()[1], 100 * e.getValue()[1] / p.opSeconds()));
    }

    private static String range(Timing t) {
        return String.format(Locale.ROOT, "  [%.4f, %.4f] %d", t.min(), t.max(), t.count());
    }

    private static String num(double d, String fmt) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, fmt, d) : "-";
    }
}
