package org.atelier.models.diffusion;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.atelier.models.common.NdImages;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Collects {@link Trajectory} frames while a sampler runs: at {@code frames} steps spread evenly
 * over the loop (always the first and the last), for the first {@code samples} images. Not
 * thread-safe; one recorder per sampler run.
 */
public final class TrajectoryRecorder {
    private final int frames;
    private final int samples;
    private final List<Trajectory.Frame> recorded = new ArrayList<>();
    private TreeSet<Integer> chosen;

    private TrajectoryRecorder(int frames, int samples) {
        this.frames = frames;
        this.samples = samples;
    }

    /** Records nothing. */
    public static TrajectoryRecorder off() {
        return new TrajectoryRecorder(0, 0);
    }

    /**
     * @param frames  how many steps to record (≥ 2)
     * @param samples how many of the batch's images to keep per frame (≥ 1)
     */
    public static TrajectoryRecorder evenly(int frames, int samples) {
        if (frames < 2 || samples < 1) {
            throw new IllegalArgumentException("a trajectory needs >= 2 frames and >= 1 sample, got " + frames + ", " + samples);
        }
        return new TrajectoryRecorder(frames, samples);
    }

    public boolean enabled() {
        return frames > 0;
    }

    /** The sampler announces how many steps its loop will take. */
    void start(int totalSteps) {
        chosen = new TreeSet<>();
        if (!enabled()) {
            return;
        }
        int k = Math.min(frames, totalSteps);
        for (int i = 0; i < k; i++) {
            chosen.add(k == 1 ? 0 : (int) Math.round(i * (totalSteps - 1) / (double) (k - 1)));
        }
    }

    /** Records step {@code step} if chosen: x_t is the sample the step started from. */
    void offer(int step, int t, INDArray xt, INDArray x0) {
        if (chosen == null || !chosen.contains(step)) {
            return;
        }
        int n = (int) Math.min(samples, xt.size(0));
        recorded.add(new Trajectory.Frame(step, t, NdImages.unstack(first(xt, n)), NdImages.unstack(first(x0, n))));
    }

    private static INDArray first(INDArray a, int n) {
        return a.get(NDArrayIndex.interval(0, n), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
    }

    public Trajectory trajectory() {
        return new Trajectory(recorded);
    }
}
