package org.atelier.models;

/**
 * The {@code model:} section of a run config, whatever the family. Which record a section
 * binds to is decided by its {@code family} key (the training module's registry maps family
 * names to these records).
 */
public interface ModelConfig {
    /** The family name as configs spell it, e.g. {@code dcgan} or {@code ddpm}. */
    String familyId();
}
