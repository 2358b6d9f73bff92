package org.atelier.models.diffusion;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a diffusion model is conditioned on. */
public enum ConditioningKind {
    /** Nothing: an unconditional model. */
    NONE("none"),
    /** The data's class label (one slot, e.g. the 10 Fashion-MNIST classes). */
    CLASS("class"),
    /** Several attributes of the data (e.g. age, glasses, skin_group), one slot each. */
    ATTRIBUTES("attributes");

    private final String id;

    ConditioningKind(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static ConditioningKind parse(String s) {
        for (ConditioningKind k : values()) {
            if (k.id.equalsIgnoreCase(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown conditioning '" + s + "'; expected one of "
                + Arrays.stream(values()).map(ConditioningKind::id).collect(Collectors.toList()));
    }
}
