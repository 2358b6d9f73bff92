package org.atelier.models.diffusion;

import org.atelier.core.errors.InvalidSettingException;
import org.atelier.models.ConditionNames;

/** The condition a user asks a diffusion model for: a class or attribute value by name, or a prompt. */
public final class Conditions {
    private Conditions() {
    }

    /**
     * @param asked  an entry of {@link DiffusionModel#conditions()} by name or index ({@code Sneaker},
     *               {@code 7}, {@code age=old}), or null
     * @param prompt a short prompt over the model's vocabulary ({@link PromptEncoder}), or null
     * @return the condition, or null when neither was given
     * @throws InvalidSettingException (setting {@code class} or {@code prompt}) for both at once, a condition
     *                                 given to an unconditional model, an unknown name or an unreadable prompt
     */
    public static Condition resolve(DiffusionModel model, String asked, String prompt) {
        if (asked != null && prompt != null) {
            throw new InvalidSettingException("class", "cannot be given with a prompt: give one or the other");
        }
        if (prompt != null) {
            if (model.conditionSpace().isEmpty()) {
                throw new InvalidSettingException("prompt", "is for conditional models; this model is unconditional "
                        + "and takes no condition");
            }
            try {
                return new PromptEncoder(model.conditionSpace()).encode(prompt);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException("prompt", "'" + prompt + "': " + e.getMessage());
            }
        }
        return asked == null ? null : model.conditionAt(ConditionNames.index(model.conditions(), asked));
    }

    /** The condition, or the null condition when none was asked. */
    public static Condition orNull(DiffusionModel model, Condition c) {
        return c != null ? c : model.conditionSpace().nullCondition();
    }
}
