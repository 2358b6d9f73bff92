package org.atelier.models.diffusion;

import java.util.List;
import java.util.random.RandomGenerator;
import org.atelier.core.image.Image;
import org.atelier.datasets.masks.Mask;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * RePaint inpainting (Lugmayr et al. 2022, Algorithm 1) with an unconditionally trained model.
 *
 * <table>
 *   <caption>Variables and the paper's notation</caption>
 *   <tr><th>here</th><th>paper</th></tr>
 *   <tr><td>hole (mask 1)</td><td>1 − m (the paper's m marks the known pixels; diffusers' too)</td></tr>
 *   <tr><td>known</td><td>x_{t−1}^{known} ~ N(√ᾱ_{t−1}·x₀, (1 − ᾱ_{t−1})·I)</td></tr>
 *   <tr><td>unknown</td><td>x_{t−1}^{unknown}: one reverse step from x_t</td></tr>
 *   <tr><td>undo</td><td>x_t ~ N(√(ᾱ_t/ᾱ_{t−j})·x_{t−j}, (1 − ᾱ_t/ᾱ_{t−j})·I)</td></tr>
 * </table>
 *
 * <ol>
 *   <li>x ← N(0, I) at the first timestep.</li>
 *   <li>Walk the levels of {@link RePaintSchedule}. Going down t → prev: the unknown part is a
 *       {@link DdimStep} (η as configured) on the network's output; the known part is the
 *       original noised to prev by the closed form (√ᾱ_prev scaling, √(1 − ᾱ_prev) noise);
 *       x ← hole·unknown + (1 − hole)·known.</li>
 *   <li>Going back up j levels: one draw from q(x_high | x_low) — the closed form of j
 *       forward steps (diffusers applies them one β at a time; same distribution).</li>
 *   <li>At the end (ᾱ = 1) the known part is the original itself; the caller's images get the
 *       original pixels copied back bit for bit, so no rounding can touch them.</li>
 * </ol>
 */
public final class RePaint {
    private RePaint() {
    }

    /**
     * @param original   (N, C, H, W) images in [−1, 1] (hole pixels may hold anything)
     * @param hole       (N, 1, H, W), 1 = hole to fill, 0 = keep
     * @param conditions per-sample conditions (empty for an unconditional model)
     * @return (N, C, H, W): the hole filled; the known pixels are not guaranteed bit-exact here
     *         (see {@link #pasteKnown})
     */
    public static INDArray inpaint(Denoiser denoiser, NoiseSchedule schedule, Prediction prediction, RePaintOptions o,
                                   INDArray original, INDArray hole, List<Condition> conditions, RandomGenerator rng,
                                   TrajectoryRecorder recorder) {
        return inpaint(denoiser, schedule, prediction, o, original, hole, conditions, rng, recorder,
                SamplingProgress.NONE.counter(networkCalls(o)));
    }

    /** Network calls of one RePaint run with options {@code o}: the downward moves of its walk. */
    public static int networkCalls(RePaintOptions o) {
        return RePaintSchedule.denoisingSteps(RePaintSchedule.levels(o.steps(), o.jumpLength(), o.jumpCount()));
    }

    /** As above, ticking {@code progress} after every network call. */
    public static INDArray inpaint(Denoiser denoiser, NoiseSchedule schedule, Prediction prediction, RePaintOptions o,
                                   INDArray original, INDArray hole, List<Condition> conditions, RandomGenerator rng,
                                   TrajectoryRecorder recorder, SamplingProgress.Counter progress) {
        DdimStep step = new DdimStep(schedule, prediction, o.eta(), true, o.clippedEps(), true);
        int[] ts = schedule.timesteps(o.steps(), o.spacing());
        int n = ts.length;
        int[] levels = RePaintSchedule.levels(n, o.jumpLength(), o.jumpCount());
        INDArray holeFull = broadcastMask(hole, original);
        INDArray keepFull = holeFull.rsub(1.0);
        INDArray x = Noise.like(original, rng);
        recorder.start(RePaintSchedule.denoisingSteps(levels));
        int downs = 0;
        for (int i = 1; i < levels.length; i++) {
            int from = levels[i - 1];
            int to = levels[i];
            if (to > from) {
                int t = ts[from];
                int prev = to < n ? ts[to] : -1;
                INDArray out = denoiser.predict(x, t, conditions);
                StepOutput s = step.step(out, t, prev, x, rng);
                recorder.offer(downs++, t, x, s.predictedX0());
                progress.tick();
                double ap = schedule.alphaBar(prev);
                INDArray known = original.mul(Math.sqrt(ap));
                if (ap < 1) {
                    known.addi(Noise.like(original, rng).muli(Math.sqrt(1 - ap)));
                }
                x = s.prevSample().mul(holeFull).addi(known.muli(keepFull));
            } else {
                double aLow = to < n ? schedule.alphaBar(ts[to]) : 1.0;
                double aHigh = from < n ? schedule.alphaBar(ts[from]) : 1.0;
                double ratio = aLow / aHigh;
                x = x.mul(Math.sqrt(ratio)).addi(Noise.like(x, rng).muli(Math.sqrt(1 - ratio)));
            }
        }
        return x;
    }

    /** (N, 1, H, W) → (N, C, H, W) by repeating the mask over the channels. */
    static INDArray broadcastMask(INDArray mask, INDArray like) {
        INDArray m = mask.castTo(like.dataType());
        INDArray[] planes = new INDArray[(int) like.size(1)];
        java.util.Arrays.fill(planes, m);
        return Nd4j.concat(1, planes);
    }

    /**
     * The filled image with the known pixels (mask 0) of {@code original} copied back bit for
     * bit and the hole clamped to [−1, 1].
     */
    public static Image pasteKnown(Image filled, Image original, Mask mask) {
        float[] p = filled.pixels().clone();
        int plane = original.height() * original.width();
        for (int c = 0; c < original.channels(); c++) {
            for (int i = 0; i < plane; i++) {
                float v = p[c * plane + i];
                p[c * plane + i] = mask.hole()[i] ? Math.max(-1f, Math.min(1f, v)) : original.pixels()[c * plane + i];
            }
        }
        return new Image(original.channels(), original.height(), original.width(), p);
    }
}
