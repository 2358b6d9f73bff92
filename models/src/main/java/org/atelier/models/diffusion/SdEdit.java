package org.atelier.models.diffusion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import org.atelier.core.image.Image;
import org.atelier.models.common.NdImages;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Variations by SDEdit (Meng et al. 2022): noise the input to an intermediate timestep with
 * the closed form q(x_t | x₀), then run the reverse process from there. Strength s ∈ (0, 1]
 * picks how far: of the sampler's n timesteps the last ⌈s·n⌉ are run, starting from the input
 * noised to the first of them (as diffusers' img2img does). Small s keeps the layout and
 * changes details; s = 1 starts from almost pure noise.
 */
final class SdEdit {
    private SdEdit() {
    }

    static List<Image> vary(DiffusionModel model, Image image, int n, double strength, Condition condition,
                            SamplingOptions o, RandomGenerator rng, TrajectoryRecorder recorder) {
        if (!(strength > 0 && strength <= 1)) {
            throw new IllegalArgumentException("strength must be in (0, 1], got " + strength);
        }
        if (n < 1) {
            throw new IllegalArgumentException("need at least one variation, got " + n);
        }
        NoiseSchedule schedule = model.schedule();
        ReverseStep step = o.step(schedule, model.prediction());
        int[] ts = schedule.timesteps(o.steps(), o.spacing());
        int k = Math.max(1, (int) Math.ceil(strength * ts.length));
        int from = ts.length - k;
        Denoiser d = model.guided(o.guidance());
        List<Image> out = new ArrayList<>();
        for (int done = 0; done < n; done += DiffusionModel.CHUNK) {
            int m = Math.min(DiffusionModel.CHUNK, n - done);
            INDArray x0 = NdImages.stack(Collections.nCopies(m, image));
            INDArray xt = schedule.addNoise(x0, Noise.like(x0, rng), ts[from]);
            List<Condition> cs = model.conditionSpace().isEmpty() ? List.of() : Collections.nCopies(m, condition);
            INDArray res = ReverseSampler.run(d, step, ts, from, xt, cs, rng, done == 0 ? recorder : TrajectoryRecorder.off());
            out.addAll(DiffusionModel.clamp(NdImages.unstack(res)));
        }
        return out;
    }
}
