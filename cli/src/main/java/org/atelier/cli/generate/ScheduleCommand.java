package org.atelier.cli.generate;

import org.atelier.cli.OldSpellings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.core.io.Json;
import org.atelier.evaluation.report.ChartFiles;
import org.atelier.evaluation.report.ScheduleChart;
import org.atelier.models.diffusion.ForwardProcess;
import org.atelier.models.diffusion.NoiseSchedule;
import org.atelier.models.diffusion.ScheduleKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code atelier schedule --kind linear|cosine --steps T [--json] [--out chart.png]}, or with
 * {@code --noise-image IMG [--at T1,T2] --out q.png} the picture of q(x_t | x0) instead of the chart.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Print a diffusion noise schedule: beta_t, alpha_t = 1 - beta_t and alpha-bar_t (their "
                + "product), for t = 0..T-1.",
            "linear: beta from 1e-4 to 0.02 (Ho et al. 2020); cosine: s = 0.008, beta capped at 0.999 "
                + "(Nichol and Dhariwal 2021)."})
public final class ScheduleCommand implements Callable<Integer> {
    private static final int MAX_NOISE_SIDE = 1024;

    @Option(names = "--kind", defaultValue = "linear", paramLabel = "KIND",
            description = "linear or cosine (default ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--steps", defaultValue = "1000", paramLabel = "T",
            description = "Training timesteps T, 2..100000 (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--json", description = "Print {kind, steps, beta, alpha, alpha_bar} as one JSON object.")
    boolean json;

    @Option(names = "--out", paramLabel = "OUT.png", description = "Also chart the schedule (PNG, and SVG beside it); "
            + "with --noise-image, the picture of q(x_t | x0) instead.")
    Path out;

    /** The chart's file: --out without --noise-image, or the deprecated --plot. */
    private Path plot;

    @Option(names = "--plot", hidden = true, paramLabel = "OUT.png")
    void oldPlot(Path v) {
        plot = OldSpellings.use("--plot", "--out", v);
    }

    @Option(names = "--noise-image", paramLabel = "IMAGE",
            description = "Also draw q(x_t | x0) for this image (PNG/JPEG, at most 1024 px a side): the image at "
                    + "each timestep of --at, noised in closed form with one noise draw, into --out.")
    Path noiseImage;

    @Option(names = "--at", split = ",", paramLabel = "T1,T2,…",
            description = "Timesteps for --noise-image, 0..T-1 (default: 0, T/10, T/4, T/2, 3T/4, T-1; the clean "
                    + "image is always drawn first).")
    int[] at;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of --noise-image's noise (default ${DEFAULT-VALUE}).")
    long seed;

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
        int[] noiseAt = noiseTimesteps();
        if (noiseImage == null && out != null) {
            plot = out;
        }
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
        if (noiseImage != null) {
            Image img = ImageFiles.read(noiseImage);
            if (Math.max(img.width(), img.height()) > MAX_NOISE_SIDE) {
                throw new InvalidInputException(noiseImage + ": image is " + img.width() + "x" + img.height()
                        + "; --noise-image takes at most " + MAX_NOISE_SIDE + " px a side (scale it down first)");
            }
            ImageFiles.writePng(new ForwardProcess(s).picture(List.of(img), noiseAt, new SplittableRandom(seed)), out);
            (json ? System.err : System.out).println("q(x_t | x0) at t = " + Arrays.toString(noiseAt) + " -> " + out);
        }
        return 0;
    }

    /** --at checked against T, with the clean image first; null without --noise-image. */
    private int[] noiseTimesteps() {
        if (noiseImage == null) {
            if (at != null) {
                throw new InvalidInputException("--at goes with --noise-image IMAGE");
            }
            return null;
        }
        if (out == null) {
            throw new InvalidInputException("--noise-image needs --out OUT.png");
        }
        int[] ts = at != null ? at : new int[] {0, steps / 10, steps / 4, steps / 2, 3 * steps / 4, steps - 1};
        for (int t : ts) {
            if (t < 0 || t >= steps) {
                throw new InvalidInputException("--at: timestep " + t + " is outside 0.." + (steps - 1));
            }
        }
        return IntStream.concat(IntStream.of(-1), Arrays.stream(ts)).toArray();
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
