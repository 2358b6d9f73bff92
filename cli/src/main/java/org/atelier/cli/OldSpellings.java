package org.atelier.cli;

/**
 * Old flag spellings kept for one release so that scripts keep working while they move to the
 * names of docs/cli.md. Each use prints one warning on stderr naming the new spelling.
 */
public final class OldSpellings {
    private OldSpellings() {
    }

    /** A data name as the current grammar spells it: {@code fmnist-test} is {@code fashion-mnist:test}. */
    public static String dataName(String flag, String name) {
        if ("fmnist-test".equals(name)) {
            return use(flag + " fmnist-test", flag + " fashion-mnist:test", "fashion-mnist:test");
        }
        return name;
    }

    /** Warns that {@code old} is deprecated and returns {@code value} for the new option. */
    public static <T> T use(String old, String replacement, T value) {
        System.err.println("atelier: warning: " + old + " is deprecated and will be removed in the next release; use "
                + replacement + " (docs/cli.md)");
        return value;
    }
}
