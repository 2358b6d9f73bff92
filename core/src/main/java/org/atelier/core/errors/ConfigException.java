package org.atelier.core.errors;

/** A config key that is unknown, ill-typed or out of range; names the key path and its source. */
public final class ConfigException extends UserException {
    private static final long serialVersionUID = 1L;
    private final String keyPath;
    private final String source;

    public ConfigException(String source, String keyPath, String problem) {
        super(source + ": " + (keyPath.isEmpty() ? "" : "key '" + keyPath + "': ") + problem);
        this.keyPath = keyPath;
        this.source = source;
    }

    /** Dotted path of the offending key, e.g. {@code trainer.steps}; empty for the document root. */
    public String keyPath() {
        return keyPath;
    }

    /** The file (or "--set override") the key came from. */
    public String source() {
        return source;
    }
}
