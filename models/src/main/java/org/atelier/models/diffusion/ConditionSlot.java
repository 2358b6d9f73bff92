package org.atelier.models.diffusion;

import java.util.List;

/**
 * One conditioning variable: the class, or one attribute (e.g. {@code age}), with its value
 * names. Index {@code values.size()} is the slot's null token ("unspecified"), which
 * classifier-free guidance trains on and samples with.
 */
public record ConditionSlot(String name, List<String> values) {
    public ConditionSlot {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("condition slot " + name + " has no values");
        }
    }

    /** The null token's index. */
    public int nullIndex() {
        return values.size();
    }

    /** Index of {@code value} (case-insensitive), or −1. */
    public int indexOf(String value) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).equalsIgnoreCase(value)) {
                return i;
            }
        }
        return -1;
    }
}
