package org.atelier.experiments.sweep;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atelier.core.config.ConfigLoader;
import org.atelier.datasets.ProjectRoot;
import org.atelier.models.diffusion.SamplerKind;

/**
 * What {@code atelier sweep} runs ({@code configs/sweep-ddpm-cond-fashion.yaml}): one committed
 * diffusion model, a grid of sampling settings, and the N and bootstrap size every grid point is
 * scored with. Serializable: Spark ships it to the tasks.
 *
 * @param name         report name
 * @param model        a published folder ({@code weights/ddpm-cond-fashion}) or a run folder
 * @param out          report folder, relative to the project root unless absolute
 * @param n            samples per grid point, 2..50000
 * @param fidResamples bootstrap replicates of FID's interval, 20..2000
 * @param grid         the settings whose every combination is a point
 */
public record SweepConfig(String name, String model, String out, int n, int fidResamples, Grid grid)
        implements Serializable {
    /** Most points a sweep may hold: each one samples N images, so a typo in a list should not start days of work. */
    public static final int MAX_POINTS = 1000;

    public SweepConfig {
        require(name != null && !name.isBlank(), "name: a report name is needed");
        require(model != null && !model.isBlank(), "model: the model to sweep is needed");
        require(out != null && !out.isBlank(), "out: a report folder is needed");
        require(n >= 2 && n <= 50_000, "n must be in 2..50000, got " + n);
        require(fidResamples >= 20 && fidResamples <= 2000, "fid_resamples must be in 20..2000, got " + fidResamples);
        require(grid != null, "grid: section missing");
        require(grid.size() <= MAX_POINTS, "grid: " + grid.size() + " points, more than " + MAX_POINTS);
    }

    /**
     * The lists whose product is the sweep.
     *
     * @param sampler  reverse processes by id: ddpm, ddim, dpm++2m, euler, euler-a
     * @param steps    reverse steps, each 1..10000
     * @param guidance classifier-free guidance scales, each in 0..100
     * @param seed     seeds; a point's seed seeds its samples, FID's bootstrap and KID's subsets
     */
    public record Grid(List<String> sampler, List<Integer> steps, List<Double> guidance, List<Long> seed)
            implements Serializable {
        public Grid {
            require(sampler != null && !sampler.isEmpty(), "grid.sampler: at least one sampler");
            require(steps != null && !steps.isEmpty(), "grid.steps: at least one step count");
            require(guidance != null && !guidance.isEmpty(), "grid.guidance: at least one scale");
            require(seed != null && !seed.isEmpty(), "grid.seed: at least one seed");
            sampler = List.copyOf(sampler);
            steps = List.copyOf(steps);
            guidance = List.copyOf(guidance);
            seed = List.copyOf(seed);
            sampler.forEach(SamplerKind::parse); // names the known samplers when one is not
            steps.forEach(s -> require(s >= 1 && s <= 10_000, "grid.steps: each in 1..10000, got " + s));
            guidance.forEach(g -> require(g >= 0 && g <= 100, "grid.guidance: each in 0..100, got " + g));
        }

        long size() {
            return (long) sampler.size() * steps.size() * guidance.size() * seed.size();
        }
    }

    public static SweepConfig load(Path file, List<String> overrides) {
        return ConfigLoader.load(file, SweepConfig.class, overrides);
    }

    public Path outDir() {
        return ProjectRoot.path().resolve(out);
    }

    /** Every combination of the grid, samplers outermost and seeds innermost: the rows of the report, in order. */
    public List<SweepPoint> points() {
        List<SweepPoint> points = new ArrayList<>();
        for (String sampler : grid.sampler()) {
            String id = SamplerKind.parse(sampler).id();
            for (int steps : grid.steps()) {
                for (double guidance : grid.guidance()) {
                    for (long seed : grid.seed()) {
                        String label = String.format(Locale.ROOT, "%s-%d w=%s seed %d", id, steps,
                                guidance == Math.rint(guidance) ? Long.toString((long) guidance) : Double.toString(guidance),
                                seed);
                        points.add(new SweepPoint(label, id, steps, guidance, seed));
                    }
                }
            }
        }
        return points;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message); // ConfigLoader names the file and key
        }
    }
}
