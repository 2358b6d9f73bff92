package org.atelier.models.diffusion;

import java.util.Arrays;

/**
 * One sample's condition: per slot of a {@link ConditionSpace}, a value index or that slot's
 * null index (unspecified). An unconditional model has no slots.
 */
public record Condition(int[] values) {
    public Condition {
        values = values.clone();
    }

    @Override
    public int[] values() {
        return values.clone();
    }

    public int value(int slot) {
        return values[slot];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Condition c && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Condition" + Arrays.toString(values);
    }
}
