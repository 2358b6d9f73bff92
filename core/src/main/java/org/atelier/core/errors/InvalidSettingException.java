package org.atelier.core.errors;

/**
 * One setting of an algorithm out of its range (sampling steps, a guidance scale, a jump
 * length). It names the setting as the library spells it ({@code steps}, {@code jump_length}),
 * so each front end can say it its own way: the command line as {@code --jump-length}, a config
 * as a key, a notebook as the field.
 */
public final class InvalidSettingException extends UserException {
    private static final long serialVersionUID = 1L;
    private final String setting;
    private final String problem;

    /** @param problem what is wrong, worded to follow the setting's name ("must be in 1..1000, got 0") */
    public InvalidSettingException(String setting, String problem) {
        super(setting + " " + problem);
        this.setting = setting;
        this.problem = problem;
    }

    /** The setting's name, lower case with underscores. */
    public String setting() {
        return setting;
    }

    /** The message without the setting's name. */
    public String problem() {
        return problem;
    }
}
