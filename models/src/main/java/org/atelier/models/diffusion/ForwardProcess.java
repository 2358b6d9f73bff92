package org.atelier.models.diffusion;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.atelier.core.image.CaptionedGrid;
import org.atelier.core.image.Image;
import org.atelier.models.common.NdImages;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The forward (noising) process applied to images, to look at and to check: q(x_t | x₀) at
 * chosen timesteps in closed form, and the same process run one step at a time. The training
 * loss and the samplers use {@link NoiseSchedule#addNoise} directly; this class is for people.
 */
public final class ForwardProcess {
    /** Pixels a column heading such as "t=999 -44dB" needs. */
    private static final int HEADING_WIDTH = 84;
    private final NoiseSchedule schedule;

    public ForwardProcess(NoiseSchedule schedule) {
        this.schedule = schedule;
    }

    public NoiseSchedule schedule() {
        return schedule;
    }

    /**
     * x_t = √ᾱ_t·x₀ + √(1 − ᾱ_t)·ε for each t in {@code ts}, with one ε drawn for all of them,
     * so the pictures show the same image sinking into the same noise.
     *
     * @param ts timesteps in [0, T), or −1 for the clean image
     */
    public List<Image> noised(Image x0, int[] ts, RandomGenerator rng) {
        checkTimesteps(ts);
        INDArray clean = NdImages.stack(List.of(x0));
        INDArray eps = Noise.like(clean, rng);
        List<Image> out = new ArrayList<>();
        for (int t : ts) {
            out.add(NdImages.unstack(schedule.addNoise(clean, eps, t)).get(0));
        }
        return out;
    }

    /**
     * A picture of q(x_t | x₀): one row per image, one column per timestep, each column headed by
     * its t and the signal-to-noise ratio there. Each image gets its own noise, drawn from {@code rng}.
     */
    public BufferedImage picture(List<Image> images, int[] ts, RandomGenerator rng) {
        checkTimesteps(ts);
        List<Image> cells = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            cells.addAll(noised(images.get(i), ts, rng));
            labels.add(images.size() == 1 ? "x_t" : "#" + (i + 1));
        }
        List<String> headings = new ArrayList<>();
        for (int t : ts) {
            headings.add(t < 0 ? "clean" : String.format("t=%d %+.0fdB", t, schedule.snrDb(t)));
        }
        // small images are enlarged until a column is wide enough for its heading
        int scale = Math.max(1, (int) Math.ceil(HEADING_WIDTH / (double) images.get(0).width()));
        return CaptionedGrid.of(labels, headings, cells, scale);
    }

    /**
     * x_t reached by t + 1 single steps x_s = √α_s·x_{s−1} + √β_s·ε_s from x₀ (Ho et al. 2020,
     * eq. 2), each step with fresh noise: what the closed form claims to shortcut.
     *
     * @param x0 (N, …) clean images
     * @param t  the last timestep, in [0, T)
     */
    public INDArray iterate(INDArray x0, int t, RandomGenerator rng) {
        checkTimesteps(new int[] {t});
        INDArray x = x0.dup();
        for (int s = 0; s <= t; s++) {
            x.muli(Math.sqrt(schedule.alpha(s))).addi(Noise.like(x, rng).muli(Math.sqrt(schedule.beta(s))));
        }
        return x;
    }

    /**
     * How far the one-step process, run {@code draws} times from {@code x0} to timestep t, lands
     * from the closed form: the largest distance, over pixels, between the draws' mean and
     * √ᾱ_t·x₀ and between their standard deviation and √(1 − ᾱ_t).
     *
     * @param meanError largest |mean over draws − √ᾱ_t·x₀| over pixels
     * @param stdError  largest |std over draws − √(1 − ᾱ_t)| over pixels
     * @param std       √(1 − ᾱ_t), the standard deviation the closed form predicts
     * @param draws     how many runs of the one-step process
     */
    public record Agreement(int t, double meanError, double stdError, double std, int draws) {
        /**
         * The error one would expect from chance alone with this many draws: the standard error
         * of a mean, std/√draws (that of a standard deviation is about 0.7 of it).
         */
        public double chanceError() {
            return std / Math.sqrt(draws);
        }
    }

    /** Runs {@link #iterate} {@code draws} times from {@code x0} and compares with the closed form. */
    public Agreement check(Image x0, int t, int draws, RandomGenerator rng) {
        if (draws < 2) {
            throw new IllegalArgumentException("draws must be >= 2, got " + draws);
        }
        INDArray one = NdImages.stack(List.of(x0)).reshape(1, (long) x0.pixels().length);
        INDArray copies = Nd4j.tile(one, draws, 1);
        INDArray xt = iterate(copies, t, rng);
        INDArray mean = xt.mean(0);
        INDArray std = xt.std(true, 0);
        double want = Math.sqrt(1 - schedule.alphaBar(t));
        double meanError = Transforms.abs(mean.sub(one.reshape(one.length()).mul(Math.sqrt(schedule.alphaBar(t)))))
                .maxNumber().doubleValue();
        double stdError = Transforms.abs(std.sub(want)).maxNumber().doubleValue();
        return new Agreement(t, meanError, stdError, want, draws);
    }

    private void checkTimesteps(int[] ts) {
        if (ts.length == 0) {
            throw new IllegalArgumentException("give at least one timestep");
        }
        for (int t : ts) {
            if (t < -1 || t >= schedule.steps()) {
                throw new IllegalArgumentException("timestep " + t + " is outside 0.." + (schedule.steps() - 1)
                        + " (−1 = clean)");
            }
        }
    }
}
