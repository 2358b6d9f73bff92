package org.atelier.models.gan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.atelier.models.Engine;
import org.atelier.models.ModelConfig;

/**
 * The {@code model:} section of a GAN run.
 *
 * @param family        which variant
 * @param arch          layout, whose side must equal the data's
 * @param zDim          latent size (default 100, DCGAN's)
 * @param criticSteps   D (critic) updates per G update: 1 for DCGAN, 5 for WGAN (Gulrajani et al. 2017)
 * @param gpWeight      λ of the gradient penalty (WGAN-GP: 10)
 * @param fdStep        h of the finite-difference penalty, in pixel units of [-1, 1] images
 * @param recWeight     inpainting: weight of the L1 loss on the hole (context encoders: 0.999)
 * @param advWeight     inpainting: weight of the adversarial loss (context encoders: 0.001)
 * @param maskKind      inpainting: training mask kind, as {@code MaskKinds.parse} reads it (e.g. {@code thick})
 * @param sampleWithBatchStats sample with batch statistics in G's batch norms instead of the
 *                      running averages (batch ≥ 2 only); off by default
 * @param engine        what runs the training step of {@code dcgan}: {@code fast} (default: {@link FastDcgan})
 *                      or {@code samediff} (its graphs); the same numbers either way. The other families
 *                      run SameDiff under both
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GanConfig(GanFamily family, GanArch arch, Integer zDim, Integer criticSteps, Double gpWeight,
                        Double fdStep, Double recWeight, Double advWeight, String maskKind, Boolean sampleWithBatchStats,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Engine engine)
        implements ModelConfig {
    public GanConfig {
        zDim = zDim == null ? 100 : zDim;
        criticSteps = criticSteps == null ? 0 : criticSteps;
        gpWeight = gpWeight == null ? 0.0 : gpWeight;
        fdStep = fdStep == null ? 0.0 : fdStep;
        recWeight = recWeight == null ? 0.0 : recWeight;
        advWeight = advWeight == null ? 0.0 : advWeight;
        sampleWithBatchStats = sampleWithBatchStats != null && sampleWithBatchStats;
        if (family == null) {
            throw new IllegalArgumentException("model.family is required");
        }
        if (arch == null) {
            throw new IllegalArgumentException("model.arch is required (dcgan28 or dcgan32)");
        }
        if (family != GanFamily.GAN_INPAINT && zDim <= 0) {
            throw new IllegalArgumentException("z_dim must be positive, got " + zDim);
        }
        if (criticSteps <= 0) {
            criticSteps = family == GanFamily.WGAN_FDGP ? 5 : 1;
        }
        if (family == GanFamily.WGAN_FDGP) {
            if (gpWeight <= 0) {
                gpWeight = 10.0;
            }
            if (fdStep <= 0) {
                fdStep = 0.01;
            }
        }
        if (family == GanFamily.GAN_INPAINT) {
            if (recWeight <= 0 && advWeight <= 0) {
                recWeight = 0.999;
                advWeight = 0.001;
            }
            if (recWeight < 0 || advWeight < 0) {
                throw new IllegalArgumentException("rec_weight and adv_weight must be >= 0");
            }
            if (maskKind == null || maskKind.isBlank()) {
                maskKind = "thick";
            }
        }
    }

    /**
     * The engine of the training step: the config's, else {@code fast}. Left null in the record when the
     * config names none, so the config's hash stays what it was before engines existed.
     */
    public Engine engineOrDefault() {
        return engine == null ? Engine.FAST : engine;
    }

    /** This config with another engine. */
    public GanConfig withEngine(Engine e) {
        return new GanConfig(family, arch, zDim, criticSteps, gpWeight, fdStep, recWeight, advWeight, maskKind,
                sampleWithBatchStats, e);
    }

    @Override
    public String familyId() {
        return family.id();
    }

    /** DCGAN-28 defaults for quick use in code and tests. */
    public static GanConfig dcgan(GanArch arch, int zDim) {
        return new GanConfig(GanFamily.DCGAN, arch, zDim, 1, null, null, null, null, null, false, null);
    }
}
