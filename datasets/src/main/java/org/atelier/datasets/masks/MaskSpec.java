package org.atelier.datasets.masks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.atelier.core.errors.InvalidInputException;

/**
 * A mask kind as a user types it: {@code name} or {@code name:arg,arg,…} where each arg is
 * {@code key=value} or a bare value (stored under the key {@code ""}). Names and keys are
 * case-insensitive; values are kept as typed. Typed accessors check ranges and throw
 * {@link InvalidInputException} naming the whole spec, the key and what was expected.
 *
 * @param text the spec as typed (trimmed), for messages
 * @param name kind name, lower case
 * @param args arguments in the order typed
 */
record MaskSpec(String text, String name, Map<String, String> args) {

    static MaskSpec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new InvalidInputException("empty mask kind; expected one of " + MaskKind.names());
        }
        String text = spec.trim();
        int colon = text.indexOf(':');
        String name = (colon < 0 ? text : text.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        Map<String, String> args = new LinkedHashMap<>();
        if (colon >= 0) {
            String rest = text.substring(colon + 1);
            if (rest.isBlank()) {
                throw new InvalidInputException("mask kind '" + text + "': nothing after ':'");
            }
            for (String token : rest.split(",", -1)) {
                String t = token.trim();
                if (t.isEmpty()) {
                    throw new InvalidInputException("mask kind '" + text + "': empty argument between commas");
                }
                int eq = t.indexOf('=');
                String key = eq < 0 ? "" : t.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                String value = eq < 0 ? t : t.substring(eq + 1).trim();
                if (value.isEmpty()) {
                    throw new InvalidInputException("mask kind '" + text + "': key '" + key + "' has no value");
                }
                if (args.put(key, value) != null) {
                    throw new InvalidInputException("mask kind '" + text + "': "
                            + (key.isEmpty() ? "more than one bare value" : "key '" + key + "' given twice"));
                }
            }
        }
        return new MaskSpec(text, name, Collections.unmodifiableMap(args));
    }

    /** Refuses keys other than {@code allowed} ({@code ""} stands for a bare value). */
    void allowOnly(Set<String> allowed) {
        for (String key : args.keySet()) {
            if (!allowed.contains(key)) {
                Set<String> shown = new TreeSet<>(allowed);
                shown.remove("");
                throw new InvalidInputException("mask kind '" + text + "': "
                        + (key.isEmpty() ? "unexpected bare value '" + args.get(key) + "'" : "unknown key '" + key + "'")
                        + (shown.isEmpty() ? "; " + name + " takes no arguments" : "; known keys: " + shown));
            }
        }
    }

    boolean has(String key) {
        return args.containsKey(key);
    }

    String string(String key, String fallback) {
        return args.getOrDefault(key, fallback);
    }

    /** A real number in [{@code min}, {@code max}]. */
    double number(String key, double fallback, double min, double max) {
        String v = args.get(key);
        if (v == null) {
            return fallback;
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where(key) + "'" + v + "' is not a number; expected " + min + ".." + max);
        }
        if (!(d >= min && d <= max)) {
            throw new InvalidInputException(where(key) + v + " is out of range; expected " + min + ".." + max);
        }
        return d;
    }

    /** A whole number in [{@code min}, {@code max}]. */
    int integer(String key, int fallback, int min, int max) {
        String v = args.get(key);
        if (v == null) {
            return fallback;
        }
        int i;
        try {
            i = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where(key) + "'" + v + "' is not a whole number; expected " + min + ".." + max);
        }
        if (i < min || i > max) {
            throw new InvalidInputException(where(key) + i + " is out of range; expected " + min + ".." + max);
        }
        return i;
    }

    private String where(String key) {
        return "mask kind '" + text + "': " + (key.isEmpty() ? "value " : "key '" + key + "': ");
    }
}
