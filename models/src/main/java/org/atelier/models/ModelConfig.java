package org.atelier.models;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * The {@code model:} section of a run config. Its {@code family} key picks the record it binds
 * onto ({@link ModelConfigDeserializer}); the key stays a normal field of that record, so each
 * family keeps its own strictly checked settings.
 */
@JsonDeserialize(using = ModelConfigDeserializer.class)
public interface ModelConfig {
    ModelFamily family();
}
