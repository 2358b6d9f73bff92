package org.atelier.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What runs a network's training steps and forward passes ({@code model.engine}). Both compute the
 * same function of the same parameter arrays (checked against each other by the fast engine's
 * tests), so a checkpoint written under one loads under the other.
 */
public enum Engine {
    /** SameDiff's graph executor and autodiff: every architecture. */
    SAMEDIFF("samediff"),
    /**
     * Hand-scheduled forward and backward passes on arrays allocated once (models.fast): the
     * families that have one (diffusion UNets, the DCGAN's training step); the others ignore it and
     * run SameDiff.
     */
    FAST("fast");

    private final String id;

    Engine(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Engine parse(String s) {
        for (Engine e : values()) {
            if (e.id.equalsIgnoreCase(s)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + s + "'; expected one of "
                + Arrays.stream(values()).map(Engine::id).collect(Collectors.toList()));
    }
}
