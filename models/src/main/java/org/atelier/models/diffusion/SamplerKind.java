package org.atelier.models.diffusion;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The reverse processes a trained model can sample with. */
public enum SamplerKind {
    /** Ancestral sampling through the posterior q(x_prev | x_t, x̂₀) ({@link DdpmStep}). */
    DDPM("ddpm"),
    /** DDIM with stochasticity η ({@link DdimStep}); η = 0 is deterministic. */
    DDIM("ddim");

    private final String id;

    SamplerKind(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static SamplerKind parse(String s) {
        for (SamplerKind k : values()) {
            if (k.id.equalsIgnoreCase(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown sampler '" + s + "'; expected one of "
                + Arrays.stream(values()).map(SamplerKind::id).collect(Collectors.toList()));
    }
}
