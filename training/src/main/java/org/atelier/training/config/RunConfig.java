package org.atelier.training.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.atelier.models.ModelConfig;

/**
 * A training run's whole config, as read from {@code configs/*.yaml} and written, resolved, to
 * {@code runs/<name>/config.yaml}.
 *
 * @param name    default run folder name under runs/
 * @param seed    every random draw of the run derives from it
 * @param data    what to train on
 * @param model   the family and its settings; {@code model.family} picks which ({@link ModelConfig})
 * @param trainer the loop's settings
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RunConfig(String name, Long seed, DataConfig data, ModelConfig model, TrainerConfig trainer) {
    public RunConfig {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        if (seed == null) {
            throw new IllegalArgumentException("seed is required");
        }
        if (data == null || model == null || trainer == null) {
            throw new IllegalArgumentException("data, model and trainer sections are required");
        }
    }
}
