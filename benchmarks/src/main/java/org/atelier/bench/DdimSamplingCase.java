package org.atelier.bench;

import java.util.SplittableRandom;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.models.diffusion.SamplingOptions;
import org.atelier.models.diffusion.TrajectoryRecorder;

/**
 * DDIM sampling as {@code atelier sample --sampler ddim --steps 50 --eta 0} runs it on an
 * unconditional model: leading spacing, x̂₀ clipped, ε re-derived, one network call per step.
 */
final class DdimSamplingCase implements BenchCase {
    @Override
    public String id() {
        return "ddim50";
    }

    @Override
    public String title(BenchSettings s) {
        return "DDIM-" + s.ddimSteps() + " sampling of " + s.ddimImages() + " images (" + s.unet().id() + ")";
    }

    @Override
    public boolean heavy() {
        return true;
    }

    @Override
    public Workload prepare(BenchSettings s) {
        DiffusionModel model = UNetModels.unconditional(s.unet());
        SamplingOptions o = SamplingOptions.ddim(s.ddimSteps(), 0.0, 1.0);
        SplittableRandom rng = new SplittableRandom(7);
        return new Workload() {
            @Override
            public void run() {
                model.generate(model.unconditional(s.ddimImages()), o, rng, TrajectoryRecorder.off());
            }

            @Override
            public double flops() {
                return s.ddimSteps() * FlopCount.unetForwardFlops(s.unet().spec(), 1, s.ddimImages());
            }
        };
    }
}
