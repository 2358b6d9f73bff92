package org.atelier.models.diffusion;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageGrid;

/**
 * Frames of a reverse process for the first few samples: at chosen steps, the sample x_t and
 * the clean image x̂₀ the network predicted from it. For notebooks and reports.
 *
 * @param frames in the order the sampler took them
 */
public record Trajectory(List<Frame> frames) {
    public Trajectory {
        frames = List.copyOf(frames);
    }

    /**
     * One recorded step.
     *
     * @param step index of the step in the sampler's loop (0 = first)
     * @param t    the timestep the step started from
     * @param xt   x_t per recorded sample (values may lie outside [−1, 1])
     * @param x0   x̂₀ per recorded sample
     */
    public record Frame(int step, int t, List<Image> xt, List<Image> x0) {
        public Frame {
            xt = List.copyOf(xt);
            x0 = List.copyOf(x0);
        }
    }

    /** Number of samples each frame holds. */
    public int samples() {
        return frames.isEmpty() ? 0 : frames.get(0).xt().size();
    }

    /**
     * The frames as one picture: for each recorded sample a row of x_t above a row of x̂₀, one
     * column per frame, noisy to clean left to right.
     *
     * @throws IllegalStateException when nothing was recorded
     */
    public BufferedImage grid() {
        if (frames.isEmpty()) {
            throw new IllegalStateException("no frames were recorded");
        }
        return ImageGrid.of(gridImages(), frames.size(), ImageGrid.legibleScale(frames.get(0).xt().get(0)));
    }

    /**
     * The frames as grid rows, one frame per column: for each sample a row of x_t and under
     * it a row of x̂₀ (pass {@code frames().size()} as the grid's column count).
     */
    public List<Image> gridImages() {
        List<Image> out = new ArrayList<>();
        for (int s = 0; s < samples(); s++) {
            for (Frame f : frames) {
                out.add(f.xt().get(s));
            }
            for (Frame f : frames) {
                out.add(f.x0().get(s));
            }
        }
        return out;
    }
}
