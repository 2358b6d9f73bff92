package org.atelier.bench;

import org.atelier.models.diffusion.ConditionSpace;
import org.atelier.models.diffusion.DiffusionConfig;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.models.diffusion.UNetArch;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The unconditional DDPM of {@code configs/ddpm-fashion.yaml} (linear β, T = 1000, ε-prediction) on a given UNet. */
final class UNetModels {
    private UNetModels() {
    }

    static DiffusionModel unconditional(UNetArch arch) {
        DiffusionConfig cfg = new DiffusionConfig(DiffusionConfig.FAMILY, arch, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
        return new DiffusionModel(cfg, 1, ConditionSpace.none(), 1);
    }

    /** n single-channel images of the arch's side from a {@link DeterministicData} stream. */
    static INDArray images(int stream, int n, int side) {
        return Nd4j.create(DeterministicData.images(stream, n, side), new long[] {n, 1, side, side}, 'c');
    }
}
