package org.atelier.models.diffusion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.atelier.models.Engine;
import org.atelier.models.ModelConfig;

/**
 * The {@code model:} section of a diffusion run ({@code family: ddpm}).
 *
 * @param family         {@code ddpm}
 * @param arch           UNet layout ({@link UNetArch}); its side must equal the data's
 * @param widths         optional override of the arch's channels per level (e.g. [32, 64, 64])
 * @param groups         optional override of the GroupNorm groups
 * @param timeWidth      optional override of the time-embedding width
 * @param attention      optional override: self-attention in the middle block
 * @param schedule       noise schedule (default linear)
 * @param timesteps      training timesteps T (default 1000)
 * @param prediction     what the network predicts: epsilon (default) or v
 * @param conditioning   none (default), class or attributes
 * @param attributes     for {@code attributes}: the attribute columns to condition on, e.g. [age, glasses, skin_group]
 * @param condDrop       probability that a training sample's whole condition is replaced by the
 *                       null token, so one network learns ε(x, t, c) and ε(x, t) for
 *                       classifier-free guidance (Ho and Salimans 2021 use 0.1–0.2; default 0.1)
 * @param attributeDrop  for {@code attributes}: probability that each attribute is dropped on its
 *                       own (default 0.3), so prompts naming only some attributes are in-distribution
 * @param previewSteps   DDIM steps of the sample grids written during training (default 50)
 * @param previewGuidance guidance scale of those grids, conditional models only (default 3)
 * @param engine         what runs the UNet: {@code fast} (default: {@link FastUNet}) or {@code samediff}
 *                       (its SameDiff graph); the same numbers either way, and checkpoints load under both
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DiffusionConfig(String family, UNetArch arch, List<Integer> widths, Integer groups, Integer timeWidth,
                              Boolean attention, ScheduleKind schedule, Integer timesteps, Prediction prediction,
                              ConditioningKind conditioning, List<String> attributes, Double condDrop,
                              Double attributeDrop, Integer previewSteps, Double previewGuidance,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Engine engine) implements ModelConfig {
    public static final String FAMILY = "ddpm";

    public DiffusionConfig {
        if (!FAMILY.equals(family)) {
            throw new IllegalArgumentException("family must be " + FAMILY + ", got " + family);
        }
        if (arch == null) {
            throw new IllegalArgumentException("model.arch is required (unet28, unet32, tiny28, tiny32, tiny16 or tiny8)");
        }
        schedule = schedule == null ? ScheduleKind.LINEAR : schedule;
        timesteps = timesteps == null ? 1000 : timesteps;
        prediction = prediction == null ? Prediction.EPSILON : prediction;
        conditioning = conditioning == null ? ConditioningKind.NONE : conditioning;
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        condDrop = condDrop == null ? (conditioning == ConditioningKind.NONE ? 0.0 : 0.1) : condDrop;
        attributeDrop = attributeDrop == null ? (conditioning == ConditioningKind.ATTRIBUTES ? 0.3 : 0.0) : attributeDrop;
        previewSteps = previewSteps == null ? SamplingOptions.DEFAULT_STEPS : previewSteps;
        previewGuidance = previewGuidance == null
                ? (conditioning == ConditioningKind.NONE ? 1.0 : SamplingOptions.DEFAULT_GUIDANCE) : previewGuidance;
        if (timesteps < 2 || timesteps > 100_000) {
            throw new IllegalArgumentException("timesteps must be in 2..100000, got " + timesteps);
        }
        if (conditioning == ConditioningKind.ATTRIBUTES && attributes.isEmpty()) {
            throw new IllegalArgumentException("conditioning: attributes needs an attributes list, e.g. [age, glasses, skin_group]");
        }
        if (conditioning != ConditioningKind.ATTRIBUTES && !attributes.isEmpty()) {
            throw new IllegalArgumentException("attributes are only used with conditioning: attributes");
        }
        if (condDrop < 0 || condDrop >= 1 || attributeDrop < 0 || attributeDrop >= 1) {
            throw new IllegalArgumentException("cond_drop and attribute_drop must be in [0, 1), got " + condDrop
                    + " and " + attributeDrop);
        }
        if (conditioning != ConditioningKind.NONE && condDrop == 0) {
            throw new IllegalArgumentException("cond_drop 0 would never train the unconditional model that guidance needs; "
                    + "use e.g. 0.1");
        }
        if (previewSteps < 1 || previewSteps > timesteps) {
            throw new IllegalArgumentException("preview_steps must be in 1.." + timesteps + ", got " + previewSteps);
        }
        if (previewGuidance < 0) {
            throw new IllegalArgumentException("preview_guidance must be >= 0, got " + previewGuidance);
        }
        arch.spec().with(widths, groups, timeWidth, attention); // validates the overrides against the arch
    }

    /** The UNet layout: the arch with this config's overrides. */
    public UNetSpec spec() {
        return arch.spec().with(widths, groups, timeWidth, attention);
    }

    public NoiseSchedule noiseSchedule() {
        return NoiseSchedule.of(schedule, timesteps);
    }

    /**
     * The engine that runs the UNet: the config's, else {@code fast}. Left null in the record when
     * the config does not name one, so that the config's hash (which the published models' cards
     * record) stays what it was before engines existed: the engine changes no number.
     */
    public Engine engineOrDefault() {
        return engine == null ? Engine.FAST : engine;
    }

    /** This config with another engine. */
    public DiffusionConfig withEngine(Engine e) {
        return new DiffusionConfig(family, arch, widths, groups, timeWidth, attention, schedule, timesteps, prediction,
                conditioning, attributes.isEmpty() ? null : attributes, condDrop, attributeDrop, previewSteps,
                previewGuidance, e);
    }

    @Override
    public String familyId() {
        return FAMILY;
    }

    /** A minimal config for code and tests. */
    public static DiffusionConfig of(UNetArch arch, ConditioningKind conditioning, List<String> attributes) {
        return new DiffusionConfig(FAMILY, arch, null, null, null, null, null, null, null, conditioning,
                attributes.isEmpty() ? null : attributes, null, null, null, null, null);
    }
}
