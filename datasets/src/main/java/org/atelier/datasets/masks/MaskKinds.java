package org.atelier.datasets.masks;

import java.math.BigDecimal;
import java.util.List;
import org.atelier.core.errors.InvalidInputException;

/**
 * Turns what users type ({@code thick}, {@code center-box}, {@code center-box:fraction=0.4},
 * {@code outpaint:left=8,right=8}, {@code half:left}, …) into a {@link MaskGenerator}.
 * Grammar: {@code name[:arg{,arg}]} with {@code arg = key=value | value}; names and keys are
 * case-insensitive. Every generator's {@link MaskGenerator#kind()} is a canonical spec that
 * parses back to an equal generator.
 */
public final class MaskKinds {
    private MaskKinds() {
    }

    /**
     * @throws InvalidInputException for an unknown name (the message lists the known kinds), an
     *                               unknown key, or a value of the wrong type or range
     */
    public static MaskGenerator parse(String spec) {
        MaskSpec parsed = MaskSpec.parse(spec);
        for (MaskKind kind : MaskKind.values()) {
            if (kind.typedName().equals(parsed.name())) {
                return kind.create(parsed);
            }
        }
        throw new InvalidInputException("unknown mask kind '" + parsed.name() + "' (in '" + parsed.text()
                + "'); known kinds: " + String.join(", ", names()));
    }

    /** The known kind names, for help text. */
    public static List<String> names() {
        return MaskKind.names();
    }

    /** One line per kind: syntax and description, for {@code --help}. */
    public static String usage() {
        StringBuilder s = new StringBuilder();
        for (MaskKind kind : MaskKind.values()) {
            s.append(String.format("  %-55s %s%n", kind.syntax(), kind.description()));
        }
        return s.toString();
    }

    /** Shortest plain decimal form of a number for canonical specs ({@code 0.5}, {@code 2}). */
    static String format(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
