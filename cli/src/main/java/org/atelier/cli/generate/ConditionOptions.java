package org.atelier.cli.generate;

import picocli.CommandLine.Option;

/** {@code --prompt "…"} for diffusion runs (the class itself is the commands' own {@code --class}). */
public final class ConditionOptions {
    @Option(names = "--prompt", paramLabel = "TEXT",
            description = "Diffusion runs: a short prompt over the model's class names / attribute values, e.g. "
                    + "\"old person with glasses, dark skin\" (an unknown word lists the vocabulary).")
    String prompt;
}
