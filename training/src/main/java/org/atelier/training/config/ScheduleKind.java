package org.atelier.training.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Learning-rate schedules, by config name; the factor they give multiplies the optimiser's lr. */
public enum ScheduleKind {
    /** 1 at every step. */
    CONSTANT("constant"),
    /** (s + 1) / W for the first W = warmup_steps steps, then 1. */
    LINEAR_WARMUP("linear-warmup"),
    /**
     * Linear warm-up, then half a cosine from 1 down to min_lr_ratio at the last step
     * (Loshchilov and Hutter 2017, SGDR, without restarts).
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
            if (k.id.equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown schedule '" + s + "'; expected one of "
                + Arrays.stream(values()).map(ScheduleKind::id).collect(Collectors.toList()));
    }
}
