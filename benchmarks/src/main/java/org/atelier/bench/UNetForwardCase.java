package org.atelier.bench;

import java.util.List;
import org.atelier.models.diffusion.DiffusionModel;
import org.nd4j.linalg.api.ndarray.INDArray;

/** One sampling step's network call: {@link DiffusionModel#predict} on a batch at one timestep. */
final class UNetForwardCase implements BenchCase {
    static final int TIMESTEP = 500;

    @Override
    public String id() {
        return "unet28_forward";
    }

    @Override
    public String title(BenchSettings s) {
        return s.unet().id() + " forward, batch " + s.batch();
    }

    @Override
    public Workload prepare(BenchSettings s) {
        DiffusionModel model = UNetModels.unconditional(s.unet());
        INDArray x = UNetModels.images(DeterministicData.FORWARD_IMAGES, s.batch(), s.unet().spec().side());
        return new Workload() {
            @Override
            public void run() {
                model.predict(x, TIMESTEP, List.of());
            }

            @Override
            public double flops() {
                return FlopCount.unetForwardFlops(s.unet().spec(), 1, s.batch());
            }
        };
    }
}
