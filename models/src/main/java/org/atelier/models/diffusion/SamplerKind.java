package org.atelier.models.diffusion;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The reverse processes a trained model can sample with, and the defaults each is used with
 * ({@link SamplingOptions#defaults}).
 */
public enum SamplerKind {
    /** Ancestral sampling through the posterior q(x_prev | x_t, x̂₀) ({@link DdpmStep}); all T steps by default. */
    DDPM("ddpm", TimestepSpacing.LEADING),
    /** DDIM with stochasticity η ({@link DdimStep}); η = 0 is deterministic. */
    DDIM("ddim", TimestepSpacing.LEADING),
    /** DPM-Solver++(2M), the second-order multistep ODE solver ({@link DpmSolver2MStep}), on Karras et al.'s grid. */
    DPM_SOLVER_2M("dpm++2m", TimestepSpacing.KARRAS),
    /** Euler's method on the ODE in σ ({@link EulerStep}), on Karras et al.'s grid. */
    EULER("euler", TimestepSpacing.KARRAS),
    /** Euler with ancestral noise ({@link EulerAncestralStep}), on Karras et al.'s grid. */
    EULER_ANCESTRAL("euler-a", TimestepSpacing.KARRAS);

    private final String id;
    private final TimestepSpacing defaultSpacing;

    SamplerKind(String id, TimestepSpacing defaultSpacing) {
        this.id = id;
        this.defaultSpacing = defaultSpacing;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Where this sampler's steps fall unless told otherwise. */
    public TimestepSpacing defaultSpacing() {
        return defaultSpacing;
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
