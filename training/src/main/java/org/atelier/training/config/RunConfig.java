package org.atelier.training.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import org.atelier.models.ModelConfig;

/**
 * A training run's whole config, as read from {@code configs/*.yaml} and written, resolved, to
 * {@code runs/<name>/config.yaml}.
 *
 * @param name    default run folder name under runs/
 * @param seed    every random draw of the run derives from it
 * @param data    what to train on
 * @param model   the family and its settings: a GAN ({@code GanConfig}) or diffusion ({@code DiffusionConfig})
 *                section, chosen by its {@code family} key
 * @param trainer the loop's settings
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RunConfig(String name, Long seed, DataConfig data,
                        @JsonDeserialize(using = ModelConfigDeserializer.class) ModelConfig model,
                        TrainerConfig trainer) {
    /** A run name: one folder name under runs/, so no separator and no leading dot ({@code ..} included). */
    public static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** What {@link #NAME} allows, in words. */
    public static final String NAME_RULE = "a run name is letters, digits, '.', '_' or '-', starting with a letter "
            + "or digit (one folder under runs/)";

    public RunConfig {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(NAME_RULE + ", got '" + name + "'");
        }
        if (seed == null) {
            throw new IllegalArgumentException("seed is required");
        }
        if (data == null || model == null || trainer == null) {
            throw new IllegalArgumentException("data, model and trainer sections are required");
        }
    }
}
