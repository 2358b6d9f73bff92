package org.atelier.datasets.portraits;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.atelier.core.errors.ConfigException;
import org.atelier.datasets.portraits.PortraitAttributes.Configurable;

/**
 * What a {@link SyntheticPortraits} set holds. Maps directly from YAML, e.g.
 * <pre>
 * size: 32
 * count: 2000
 * seed: 7
 * shares:
 *   skin_group: {light: 0.8, dark: 0.2}   # medium left out: share 0
 *   glasses: {yes: 0.3, no: 0.7}
 * </pre>
 *
 * @param size   image side in pixels: 32 or 64
 * @param count  number of samples, at least 1
 * @param seed   any long; with the same spec it gives the same samples, pixel for pixel
 * @param shares per attribute key ({@link Configurable#key()}), the relative share of each
 *               value; non-negative finite numbers, not all zero, normalised to sum to 1.
 *               Values of a configured attribute that are left out get share 0; attributes
 *               left out are uniform. {@code null} means all defaults.
 * @throws ConfigException naming the key ({@code size}, {@code count},
 *                         {@code shares.<attribute>[.<value>]}) when a field is out of range
 */
public record PortraitSpec(int size, int count, long seed, Map<String, Map<String, Double>> shares) {
    /** The {@link ConfigException#source()} of errors raised here. */
    static final String SOURCE = "portrait spec";
    /** The image sides the renderer supports. */
    public static final List<Integer> SIZES = List.of(32, 64);

    public PortraitSpec {
        if (!SIZES.contains(size)) {
            throw new ConfigException(SOURCE, "size", "expected one of " + SIZES + " (pixels), got " + size);
        }
        if (count < 1) {
            throw new ConfigException(SOURCE, "count", "expected at least 1 sample, got " + count);
        }
        shares = copyChecked(shares == null ? Map.of() : shares);
    }

    /** A spec with every attribute at its default (uniform) shares. */
    public static PortraitSpec uniform(int size, int count, long seed) {
        return new PortraitSpec(size, count, seed, Map.of());
    }

    /** A copy with the shares of one attribute replaced. */
    public PortraitSpec withShares(String attribute, Map<String, Double> valueShares) {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>(shares);
        m.put(attribute, valueShares);
        return new PortraitSpec(size, count, seed, m);
    }

    /**
     * Every configurable attribute's normalised shares (summing to 1), in
     * {@link Configurable#valueNames()} order, defaults filled in. A fresh map on every call.
     */
    public Map<Configurable, double[]> resolvedShares() {
        Map<Configurable, double[]> out = new EnumMap<>(Configurable.class);
        for (Configurable attribute : Configurable.values()) {
            Map<String, Double> given = shares.get(attribute.key());
            if (given == null) {
                out.put(attribute, attribute.defaultShares());
                continue;
            }
            double[] s = new double[attribute.valueNames().size()];
            double sum = 0;
            for (int i = 0; i < s.length; i++) {
                s[i] = given.getOrDefault(attribute.valueNames().get(i), 0.0);
                sum += s[i];
            }
            for (int i = 0; i < s.length; i++) {
                s[i] /= sum;
            }
            out.put(attribute, s);
        }
        return out;
    }

    /**
     * A canonical text of the spec: size, count, seed and the resolved (normalised, defaults
     * filled in) shares in a fixed order, so that equal datasets give equal text however their
     * YAML was written (key order, spelled-out defaults, unnormalised shares).
     */
    public String canonical() {
        StringBuilder sb = new StringBuilder();
        sb.append("size=").append(size).append(";count=").append(count).append(";seed=").append(seed);
        resolvedShares().forEach((attribute, s) -> {
            sb.append(';').append(attribute.key()).append('=');
            for (int i = 0; i < s.length; i++) {
                sb.append(i == 0 ? "" : ",").append(attribute.valueNames().get(i)).append(':').append(s[i]);
            }
        });
        return sb.toString();
    }

    private static Map<String, Map<String, Double>> copyChecked(Map<String, Map<String, Double>> shares) {
        Map<String, Map<String, Double>> out = new TreeMap<>();
        for (Map.Entry<String, Map<String, Double>> e : shares.entrySet()) {
            String key = e.getKey();
            Configurable attribute = Configurable.byKey(key);
            if (attribute == null) {
                String hint = "skin_tone".equals(key)
                        ? "; skin tone shares are set per group under shares.skin_group (tones are uniform within a group)"
                        : "";
                throw new ConfigException(SOURCE, "shares." + key, "unknown attribute; expected one of "
                        + List.of(Configurable.values()).stream().map(Configurable::key).toList() + hint);
            }
            if (e.getValue() == null) {
                throw new ConfigException(SOURCE, "shares." + key, "expected a mapping of value to share, got nothing");
            }
            Map<String, Double> values = new TreeMap<>();
            double sum = 0;
            for (Map.Entry<String, Double> v : e.getValue().entrySet()) {
                String valueKey = "shares." + key + "." + v.getKey();
                if (!attribute.valueNames().contains(v.getKey())) {
                    String hint = attribute == Configurable.HAIR && "grey".equals(v.getKey())
                            ? "; grey hair is not configured, it comes with age=old (set shares.age instead)"
                            : "";
                    throw new ConfigException(SOURCE, valueKey, "unknown value; expected one of "
                            + attribute.valueNames() + hint);
                }
                Double share = v.getValue();
                if (share == null || !Double.isFinite(share) || share < 0) {
                    throw new ConfigException(SOURCE, valueKey,
                            "expected a non-negative finite share, got " + share);
                }
                values.put(v.getKey(), share);
                sum += share;
            }
            if (!(sum > 0)) {
                throw new ConfigException(SOURCE, "shares." + key,
                        "shares must not all be zero (got " + values + "); give at least one value a positive share");
            }
            if (!Double.isFinite(sum)) {
                throw new ConfigException(SOURCE, "shares." + key, "shares are too large to sum (got " + values
                        + "); shares are relative, so use e.g. fractions or percentages");
            }
            out.put(key, Collections.unmodifiableMap(values));
        }
        return Collections.unmodifiableMap(out);
    }
}
