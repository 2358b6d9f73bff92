package org.atelier.models.diffusion;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The noise schedules β₁…β_T, by the name configs and the {@code schedule} command use. */
public enum ScheduleKind {
    /**
     * β evenly spaced from 1e-4 to 0.02 (Ho et al. 2020, section 4, for T = 1000; for other T
     * the same end points are kept, as diffusers' {@code linear} does).
     */
    LINEAR("linear"),
    /**
     * ᾱ(t) = f(t)/f(0) with f(t) = cos²(((t/T + s)/(1 + s))·π/2), s = 0.008, and
     * β_t = min(1 − ᾱ(t)/ᾱ(t − 1), 0.999) (Nichol and Dhariwal 2021, eq. 17; diffusers'
     * {@code squaredcos_cap_v2}).
     */
    COSINE("cosine");

    private final String id;

    ScheduleKind(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static ScheduleKind parse(String s) {
        for (ScheduleKind k : values()) {
            if (k.id.equalsIgnoreCase(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown noise schedule '" + s + "'; expected one of "
                + Arrays.stream(values()).map(ScheduleKind::id).collect(Collectors.toList()));
    }
}
