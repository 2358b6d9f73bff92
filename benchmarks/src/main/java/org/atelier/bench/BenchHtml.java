package org.atelier.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atelier.core.provenance.ProvenanceBuilder;
import org.atelier.evaluation.report.Charts;
import org.atelier.evaluation.report.HtmlReport;
import org.atelier.models.backend.Backends;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;

/**
 * {@code atelier bench --report DIR}: the run as a report folder (index.html, results.json with
 * {@link BenchReport#toJson()} under "bench", provenance.json) — the table the terminal prints, a
 * chart of the ratios against the line at 1, and each profile's breakdown.
 */
public final class BenchHtml {
    private BenchHtml() {
    }

    /** Writes the folder {@code dir} (created if needed) and returns the path of its index.html. */
    public static Path write(BenchReport r, Path dir) {
        ProvenanceBuilder provenance = new ProvenanceBuilder().backend(Backends.name(), Backends.nd4jVersion())
                .extra("command", "atelier bench").extra("taken_at", r.takenAt());
        HtmlReport report = new HtmlReport(dir, "Atelier — benchmark", provenance.build());
        Map<String, Object> json = r.toJson();
        report.result("bench", json);
        boolean torch = r.torch() != null;
        HtmlReport.Section s = report.section("Timings", String.format(Locale.ROOT,
                "Taken %s on %s; nominal fp32 peak %.1f GFLOP/s for the %d thread(s) used; load average %.2f at start, "
                        + "%.2f at end. Atelier: %s, ND4J %s, %d OpenMP thread(s)%s.%s Each figure is the median of %s "
                        + "timed runs after %s warm-up runs (DDIM and FID fewer), with its range.",
                r.takenAt(), r.machine().describe(), r.machine().peakGflops(r.backend().ompThreads()),
                Math.min(r.backend().ompThreads(), r.machine().cores()), r.loadBefore(), r.loadAfter(),
                r.backend().summary(), r.backend().nd4jVersion(), r.backend().ompThreads(),
                r.settings().gcPerRun() ? ", System.gc() ending every run" : "",
                torch ? " PyTorch " + r.torch().get("torch") + ", " + r.torch().get("threads")
                        + " thread(s), one process kept alive, runs alternating with Atelier's." : "",
                r.settings().iterations(), r.settings().warmup()));
        s.table(List.of("case", "what", "Atelier s (median [min, max])", "PyTorch s", "ratio", "CPU ratio",
                "GFLOP/s Atelier / PyTorch", "peak RSS MB Atelier / PyTorch"), rows(r));
        if (torch) {
            s.chart("bench-ratios", "Atelier / PyTorch median time per case (wall and process CPU); below the line at 1 "
                    + "Atelier is faster.", ratioChart(r), 760, 380);
        }
        for (CaseResult c : r.cases()) {
            if (c.profile() != null) {
                profileSection(report, c);
            }
        }
        return report.write();
    }

    private static List<List<String>> rows(BenchReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (CaseResult c : r.cases()) {
            Timing p = c.pytorch();
            rows.add(List.of(c.id(), c.title(), String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", c.atelier().median(),
                            c.atelier().min(), c.atelier().max()),
                    p == null ? "–" : String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", p.median(), p.min(), p.max()),
                    p == null ? "–" : String.format(Locale.ROOT, "%.2f", c.ratio()),
                    p == null ? "–" : String.format(Locale.ROOT, "%.2f", c.cpuRatio()),
                    num(CaseResult.gflops(c.flops(), c.atelier())) + " / " + num(CaseResult.gflops(c.flops(), p)),
                    num(c.atelierPeakMb()) + " / " + (p == null ? "–" : num(c.pytorchPeakMb()))));
        }
        return rows;
    }

    private static JFreeChart ratioChart(BenchReport r) {
        Map<String, Map<String, Double>> series = new LinkedHashMap<>();
        Map<String, Double> wall = new LinkedHashMap<>();
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (CaseResult c : r.cases()) {
            if (c.pytorch() != null) {
                wall.put(c.id(), c.ratio());
                cpu.put(c.id(), c.cpuRatio());
            }
        }
        series.put("wall time", wall);
        series.put("CPU time", cpu);
        JFreeChart chart = Charts.bars("Atelier / PyTorch", "ratio", series);
        chart.getCategoryPlot().addRangeMarker(new ValueMarker(1.0));
        return chart;
    }

    private static void profileSection(HtmlReport report, CaseResult c) {
        ProfileSummary p = c.profile();
        HtmlReport.Section s = report.section("Profile of " + c.id(), String.format(Locale.ROOT,
                "Per run, with an op listener attached: %.0f op executions; wall %.3f s, inside ops %.3f s (%.0f %%), "
                        + "outside ops %.3f s (executor, optimiser, host code).", p.opsPerRun(), p.wallSeconds(),
                p.opSeconds(), 100 * p.opSeconds() / p.wallSeconds(), p.outsideOpsSeconds()));
        List<List<String>> kinds = new ArrayList<>();
        p.byKind().forEach((k, v) -> kinds.add(List.of(k, String.format(Locale.ROOT, "%.3f", v),
                String.format(Locale.ROOT, "%.0f %%", 100 * v / p.opSeconds()))));
        s.table(List.of("layer kind", "seconds per run", "share of op time"), kinds);
        List<List<String>> types = new ArrayList<>();
        p.byType().entrySet().stream().limit(15).forEach(e -> types.add(List.of(e.getKey(),
                String.format(Locale.ROOT, "%.0f", e.getValue()[0]), String.format(Locale.ROOT, "%.4f", e.getValue()[1]),
                String.format(Locale.ROOT, "%.1f %%", 100 * e.getValue()[1] / p.opSeconds()))));
        s.table(List.of("op type", "executions per run", "seconds per run", "share of op time"), types);
    }

    private static String num(double d) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, d >= 100 ? "%.0f" : "%.1f", d) : "–";
    }
}
