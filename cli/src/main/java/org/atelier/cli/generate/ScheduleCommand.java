package org.atelier.cli.generate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.io.Json;
import org.atelier.evaluation.report.ChartFiles;
import org.atelier.evaluation.report.ScheduleChart;
import org.atelier.models.diffusion.NoiseSchedule;
import org.atelier.models.diffusion.ScheduleKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atelier schedule --kind linear|cosine --steps T [--json] [--plot out.png]}. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Print a diffusion noise schedule: beta_t, alpha_t = 1 - beta_t and alpha-bar_t (their "
                + "product), for t = 0..T-1.",
            "linear: beta from 1e-4 to 0.02 (Ho et al. 2020); cosine: s = 0.008, beta capped at 0.999 "
                + "(Nichol and Dhariwal 2021)."})
public final class ScheduleCommand implements Callable<Integer> {
    @Option(names = "--kind", defaultValue = "linear", paramLabel = "KIND",
            description = "linear or cosine (default ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--steps", defaultValue = "1000", paramLabel = "T",
            description = "Training timesteps T, 2..100000 (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--json", description = "Print {kind, steps, beta, alpha, alpha_bar} as one JSON object.")
    boolean json;

    @Option(names = "--plot", paramLabel = "OUT.png", description = "Also chart the schedule (PNG, and SVG beside it).")
    Path plot;

    @Override
    public Integer call() {
        ScheduleKind k;
        try {
            k = ScheduleKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--kind: " + e.getMessage());
        }
        if (steps < 2 || steps > 100_000) {
            throw new InvalidInputException("--steps must be in 2..100000, got " + steps);
        }
        NoiseSchedule s = NoiseSchedule.of(k, steps);
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("kind", k.id());
            out.put("steps", steps);
            out.put("beta", s.betas());
            out.put("alpha", s.alphas());
            out.put("alpha_bar", s.alphaBars());
            System.out.println(Json.line(out));
        } else {
            System.out.printf("%s schedule, T = %d (t is 0-based)%n", k.id(), steps);
            System.out.printf("%8s %14s %14s %14s%n", "t", "beta", "alpha", "alpha_bar");
            for (int t : rows(steps)) {
                System.out.printf("%8d %14.6e %14.8f %14.6e%n", t, s.beta(t), s.alpha(t), s.alphaBar(t));
            }
        }
        if (plot != null) {
            String file = plot.getFileName().toString();
            String name = file.toLowerCase().endsWith(".png") ? file.substring(0, file.length() - 4) : file;
            Path dir = plot.toAbsolutePath().getParent();
            ChartFiles.write(ScheduleChart.of(s), dir, name, 800, 500);
            (json ? System.err : System.out).println("chart -> " + dir.resolve(name + ".png") + " (and .svg)");
        }
        return 0;
    }

    /** A few representative rows: the ends and every tenth of the way. */
    private static int[] rows(int steps) {
        java.util.TreeSet<Integer> r = new java.util.TreeSet<>();
        r.add(0);
        r.add(1);
        for (int i = 1; i < 10; i++) {
            r.add(i * (steps - 1) / 10);
        }
        r.add(steps - 2);
        r.add(steps - 1);
        return r.stream().mapToInt(Integer::intValue).toArray();
    }
}
