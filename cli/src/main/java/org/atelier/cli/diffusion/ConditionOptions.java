package org.atelier.cli.diffusion;

import java.util.List;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.models.diffusion.Condition;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.models.diffusion.PromptEncoder;
import picocli.CommandLine.Option;

/** {@code --prompt "…"} for diffusion runs (the class itself is the commands' own {@code --class}). */
public final class ConditionOptions {
    @Option(names = "--prompt", paramLabel = "TEXT",
            description = "Diffusion runs: a short prompt over the model's class names / attribute values, e.g. "
                    + "\"old person with glasses, dark skin\" (an unknown word lists the vocabulary).")
    public String prompt;

    /**
     * The condition asked for: {@code --class} (an index or an entry of the model's conditions, e.g.
     * {@code Sneaker} or {@code age=old}) or {@code --prompt}; null when neither was given.
     */
    public Condition resolve(DiffusionModel model, String cls) {
        if (cls != null && prompt != null) {
            throw new InvalidInputException("give --class or --prompt, not both");
        }
        if ((cls != null || prompt != null) && model.conditionSpace().isEmpty()) {
            throw new InvalidInputException((cls != null ? "--class" : "--prompt")
                    + ": this run's model is unconditional; it takes no condition");
        }
        if (prompt != null) {
            try {
                return new PromptEncoder(model.conditionSpace()).encode(prompt);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--prompt: " + e.getMessage());
            }
        }
        if (cls == null) {
            return null;
        }
        List<String> names = model.conditions();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(cls)) {
                return model.conditionAt(i);
            }
        }
        try {
            int k = Integer.parseInt(cls);
            if (k >= 0 && k < names.size()) {
                return model.conditionAt(k);
            }
        } catch (NumberFormatException ignored) {
            // not a number: reported below with the list
        }
        throw new InvalidInputException("--class " + cls + ": expected 0.." + (names.size() - 1) + " or one of " + names);
    }
}
