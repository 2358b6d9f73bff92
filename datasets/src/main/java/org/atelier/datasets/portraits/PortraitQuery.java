package org.atelier.datasets.portraits;

import java.util.LinkedHashMap;
import java.util.Map;
import org.atelier.core.errors.InvalidInputException;

/**
 * The command-line spelling of a {@link PortraitSpec}: a catalogue name with an optional query,
 * {@code portraits-32?skin_group=light:0.8,medium:0.1,dark:0.1&n=5000&seed=7}. Keys are {@code n}
 * (count), {@code seed}, and any configurable attribute ({@link PortraitAttributes.Configurable})
 * followed by {@code value:share} pairs; parts are joined by {@code &}. It spells the same thing
 * as a config's {@code portraits:} block (shares are relative and normalised the same way), so a
 * set typed on the command line equals, hash for hash, the set a config describes.
 */
public final class PortraitQuery {
    private PortraitQuery() {
    }

    /**
     * @param size     the side named before the query (32 or 64)
     * @param query    the text after {@code ?}, possibly empty
     * @param defaults count and seed when the query leaves them out
     * @throws InvalidInputException naming the part of the query that is not understood
     */
    public static PortraitSpec parse(int size, String query, int defaultCount, long defaultSeed) {
        int count = defaultCount;
        long seed = defaultSeed;
        Map<String, Map<String, Double>> shares = new LinkedHashMap<>();
        for (String part : query.isEmpty() ? new String[0] : query.split("&")) {
            int eq = part.indexOf('=');
            if (eq < 1) {
                throw bad(query, part, "expected KEY=VALUE");
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            switch (key) {
                case "n" -> count = (int) number(query, part, value);
                case "seed" -> seed = (long) number(query, part, value);
                default -> shares.put(key, shares(query, part, value));
            }
        }
        return new PortraitSpec(size, count, seed, shares);
    }

    /** The query that {@link #parse} turns back into {@code spec}'s shares, count and seed. */
    public static String format(PortraitSpec spec) {
        StringBuilder sb = new StringBuilder("n=").append(spec.count()).append("&seed=").append(spec.seed());
        spec.shares().forEach((attribute, values) -> {
            sb.append('&').append(attribute).append('=');
            StringBuilder v = new StringBuilder();
            values.forEach((name, share) -> v.append(v.length() == 0 ? "" : ",").append(name).append(':').append(share));
            sb.append(v);
        });
        return sb.toString();
    }

    private static Map<String, Double> shares(String query, String part, String value) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            int colon = pair.indexOf(':');
            if (colon < 1) {
                throw bad(query, part, "expected value:share pairs separated by commas, e.g. light:0.8,medium:0.1,dark:0.1");
            }
            out.put(pair.substring(0, colon).trim(), number(query, part, pair.substring(colon + 1).trim()));
        }
        return out;
    }

    private static double number(String query, String part, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw bad(query, part, "'" + text + "' is not a number");
        }
    }

    private static InvalidInputException bad(String query, String part, String problem) {
        return new InvalidInputException("portraits query '" + query + "': part '" + part + "': " + problem
                + "; keys are n, seed and attributes such as skin_group=light:0.8,medium:0.1,dark:0.1, joined by &");
    }
}
