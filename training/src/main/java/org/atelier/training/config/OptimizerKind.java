package org.atelier.training.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Optimisers the loop offers, by config name. */
public enum OptimizerKind {
    /** Adam (Kingma and Ba 2015). */
    ADAM("adam"),
    /** Adam with decoupled weight decay, θ ← θ − η·λ·θ before the Adam step (Loshchilov and Hutter 2019). */
    ADAMW("adamw"),
    /** RMSProp (Tieleman and Hinton 2012). */
    RMSPROP("rmsprop");

    private final String id;

    OptimizerKind(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static OptimizerKind parse(String s) {
        for (OptimizerKind k : values()) {
            if (k.id.equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + s + "'; expected one of "
                + Arrays.stream(values()).map(OptimizerKind::id).collect(Collectors.toList()));
    }
}
