package org.atelier.models;

import java.util.List;
import org.atelier.core.errors.InvalidSettingException;

/**
 * How a user names one of a model's conditions ({@link Sampler#conditions()}): by its name,
 * ignoring case ({@code Sneaker}, {@code age=old}), or by its index. One rule for every model
 * and every front end.
 */
public final class ConditionNames {
    private ConditionNames() {
    }

    /**
     * @param names  the model's conditions; empty for an unconditional model
     * @param asked  a name or an index
     * @return the index of the condition named
     * @throws InvalidSettingException (setting {@code class}) for an unconditional model or an unknown name
     */
    public static int index(List<String> names, String asked) {
        if (names.isEmpty()) {
            throw new InvalidSettingException("class", "is for conditional models; this model is unconditional and "
                    + "takes no condition");
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(asked)) {
                return i;
            }
        }
        try {
            int k = Integer.parseInt(asked);
            if (k >= 0 && k < names.size()) {
                return k;
            }
        } catch (NumberFormatException ignored) {
            // not a number: reported below with the list
        }
        throw new InvalidSettingException("class", asked + ": expected 0.." + (names.size() - 1) + " or one of " + names);
    }
}
