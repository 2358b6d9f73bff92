package org.atelier.bench;

import java.util.Map;
import org.atelier.models.Batch;
import org.atelier.models.diffusion.DiffusionModel;

/**
 * UNet-28's training step as the loop runs it: {@link DiffusionModel#step} (random t and ε,
 * x_t, the network's gradient of the ε-MSE) with global-norm clipping to 1 and Adam 2e-4
 * ({@code configs/ddpm-fashion.yaml}).
 */
final class UNetStepCase implements BenchCase {
    @Override
    public String id() {
        return "unet28_step";
    }

    @Override
    public String title(BenchSettings s) {
        return s.unet().id() + " training step, batch " + s.batch();
    }

    @Override
    public Workload prepare(BenchSettings s) {
        DiffusionModel model = UNetModels.unconditional(s.unet());
        BenchAdam adam = new BenchAdam(model.parameters(), 2e-4, 0.9, 1.0);
        int side = s.unet().spec().side();
        Batch batch = new Batch(UNetModels.images(DeterministicData.UNET_IMAGES, s.batch(), side), new int[s.batch()]);
        return new Workload() {
            @Override
            public void run() {
                model.step(batch, adam.next());
            }

            @Override
            public double flops() {
                return FlopCount.unetStepFlops(s.unet().spec(), 1, s.batch());
            }

            @Override
            public Map<String, Object> facts() {
                return Map.of("params", model.parameters().count("unet"),
                        "forward_macs", Map.of("unet", FlopCount.unet(s.unet().spec(), 1, s.batch())));
            }
        };
    }
}
