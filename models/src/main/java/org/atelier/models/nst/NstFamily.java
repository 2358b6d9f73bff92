package org.atelier.models.nst;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The style-transfer families a run config can train (Gatys optimisation runs from {@code atelier stylize}). */
public enum NstFamily {
    /** Feed-forward transform network for one style (Johnson, Alahi and Fei-Fei 2016). */
    FAST_NST("fast-nst");

    private final String id;

    NstFamily(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static NstFamily parse(String s) {
        for (NstFamily f : values()) {
            if (f.id.equals(s)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown style-transfer family '" + s + "'; expected fast-nst");
    }
}
