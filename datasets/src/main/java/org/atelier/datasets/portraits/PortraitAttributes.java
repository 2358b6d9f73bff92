package org.atelier.datasets.portraits;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The ground-truth attribute columns of {@link SyntheticPortraits}, their values and default
 * shares, and how one sample's values are drawn.
 *
 * <p>Columns, in the fixed order of {@link #NAMES}:
 * <ol>
 *   <li>{@code skin_tone} — {@code MST-1} … {@code MST-10}, the Monk Skin Tone swatch
 *       (see {@link PortraitPalette#MONK_SKIN_TONES}); uniform within its group.</li>
 *   <li>{@code skin_group} — {@code light} (MST 1–3), {@code medium} (4–7), {@code dark} (8–10).</li>
 *   <li>{@code age} — {@code young}, {@code adult}, {@code old}.</li>
 *   <li>{@code hair} — {@code black}, {@code brown}, {@code blond}, {@code red}, {@code grey}.
 *       Grey follows age: every {@code old} face has grey-to-white hair and no other face
 *       has; the configured hair shares apply to the young and adult faces.</li>
 *   <li>{@code hair_style} — {@code short}, {@code long}.</li>
 *   <li>{@code glasses} — {@code yes}, {@code no}.</li>
 *   <li>{@code expression} — {@code smile}, {@code neutral}.</li>
 *   <li>{@code background} — {@code blue}, {@code green}, {@code grey}, {@code purple}.</li>
 * </ol>
 * Shares are configured per {@link Configurable} attribute; an attribute left out of the
 * configuration is uniform over its values (the default). The attributes are drawn
 * independently of one another, apart from the grey-hair rule — the ground truth has no other
 * correlations, so any correlation a generator shows is its own.
 */
public final class PortraitAttributes {
    /** The attribute column names, in the order {@link SyntheticPortraits#attributeNames()} returns. */
    public static final List<String> NAMES = List.of(
            "skin_tone", "skin_group", "age", "hair", "hair_style", "glasses", "expression", "background");

    private PortraitAttributes() {
    }

    /** Monk Skin Tone groups; {@code firstTone..lastTone} are MST numbers, inclusive. */
    public enum SkinGroup {
        LIGHT(1, 3), MEDIUM(4, 7), DARK(8, 10);

        private final int firstTone;
        private final int lastTone;

        SkinGroup(int firstTone, int lastTone) {
            this.firstTone = firstTone;
            this.lastTone = lastTone;
        }

        public int firstTone() {
            return firstTone;
        }

        public int lastTone() {
            return lastTone;
        }

        public int toneCount() {
            return lastTone - firstTone + 1;
        }
    }

    public enum Age { YOUNG, ADULT, OLD }

    /** Hair colour; {@link #GREY} is never drawn from shares, it comes with {@link Age#OLD}. */
    public enum Hair { BLACK, BROWN, BLOND, RED, GREY }

    public enum HairStyle { SHORT, LONG }

    public enum Background { BLUE, GREEN, GREY, PURPLE }

    /**
     * The attributes whose shares a {@link PortraitSpec} may set, with their value names.
     * {@code skin_tone} is not among them (it is uniform within {@code skin_group}), nor is
     * hair {@code grey} (it follows {@code age=old}).
     */
    public enum Configurable {
        SKIN_GROUP("skin_group", labels(SkinGroup.values())),
        AGE("age", labels(Age.values())),
        HAIR("hair", List.of("black", "brown", "blond", "red")),
        HAIR_STYLE("hair_style", labels(HairStyle.values())),
        GLASSES("glasses", List.of("yes", "no")),
        EXPRESSION("expression", List.of("smile", "neutral")),
        BACKGROUND("background", labels(Background.values()));

        private final String key;
        private final List<String> valueNames;

        Configurable(String key, List<String> valueNames) {
            this.key = key;
            this.valueNames = valueNames;
        }

        /** The config key and attribute column name, e.g. {@code skin_group}. */
        public String key() {
            return key;
        }

        /** Value names in their canonical order; shares arrays follow this order. */
        public List<String> valueNames() {
            return valueNames;
        }

        /** The share every value gets when the attribute is not configured: uniform. */
        public double[] defaultShares() {
            double[] s = new double[valueNames.size()];
            Arrays.fill(s, 1.0 / valueNames.size());
            return s;
        }

        /** The attribute with this key, or null. */
        public static Configurable byKey(String key) {
            for (Configurable c : values()) {
                if (c.key.equals(key)) {
                    return c;
                }
            }
            return null;
        }
    }

    /**
     * One sample's ground truth.
     *
     * @param skinTone Monk Skin Tone number, 1..10, inside {@code skinGroup}'s range
     */
    public record Portrait(int skinTone, SkinGroup skinGroup, Age age, Hair hair, HairStyle hairStyle,
                           boolean glasses, boolean smile, Background background) {
        public Portrait {
            if (skinTone < skinGroup.firstTone() || skinTone > skinGroup.lastTone()) {
                throw new IllegalArgumentException("MST-" + skinTone + " is not in skin group " + skinGroup);
            }
            if ((hair == Hair.GREY) != (age == Age.OLD)) {
                throw new IllegalArgumentException("grey hair goes with age=old and only with it, got "
                        + hair + " at " + age);
            }
        }

        /** The attribute columns as {@link #NAMES} to lower-case value, e.g. {@code age=old}. */
        public Map<String, String> toAttributes() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("skin_tone", "MST-" + skinTone);
            m.put("skin_group", label(skinGroup));
            m.put("age", label(age));
            m.put("hair", label(hair));
            m.put("hair_style", label(hairStyle));
            m.put("glasses", glasses ? "yes" : "no");
            m.put("expression", smile ? "smile" : "neutral");
            m.put("background", label(background));
            return m;
        }
    }

    /**
     * Draws one sample's attributes. Exactly one uniform number is taken per attribute, in a
     * fixed order, and mapped through that attribute's cumulative shares, so changing the shares
     * of one attribute changes only that attribute's values for a given random source — two
     * specs that differ only in skin shares give the same ages, hair, glasses… per index.
     *
     * @param shares normalised shares per {@link Configurable}, as {@link PortraitSpec#resolvedShares()}
     */
    public static Portrait draw(Map<Configurable, double[]> shares, RandomGenerator random) {
        SkinGroup group = SkinGroup.values()[pick(shares.get(Configurable.SKIN_GROUP), random.nextDouble())];
        int tone = group.firstTone() + (int) Math.min(group.toneCount() - 1,
                Math.floor(random.nextDouble() * group.toneCount()));
        Age age = Age.values()[pick(shares.get(Configurable.AGE), random.nextDouble())];
        // The hair draw is taken for every face so that the streams of later attributes do not
        // depend on age; it is discarded for old faces, whose hair is grey.
        Hair drawnHair = Hair.values()[pick(shares.get(Configurable.HAIR), random.nextDouble())];
        Hair hair = age == Age.OLD ? Hair.GREY : drawnHair;
        HairStyle style = HairStyle.values()[pick(shares.get(Configurable.HAIR_STYLE), random.nextDouble())];
        boolean glasses = pick(shares.get(Configurable.GLASSES), random.nextDouble()) == 0;
        boolean smile = pick(shares.get(Configurable.EXPRESSION), random.nextDouble()) == 0;
        Background bg = Background.values()[pick(shares.get(Configurable.BACKGROUND), random.nextDouble())];
        return new Portrait(tone, group, age, hair, style, glasses, smile, bg);
    }

    /**
     * Inverse-CDF choice: the first index whose cumulative share exceeds {@code u} in [0, 1).
     * Values with share 0 are never chosen; rounding at the top falls to the last positive share.
     */
    static int pick(double[] shares, double u) {
        double cumulative = 0;
        int lastPositive = -1;
        for (int i = 0; i < shares.length; i++) {
            if (shares[i] > 0) {
                cumulative += shares[i];
                lastPositive = i;
                if (u < cumulative) {
                    return i;
                }
            }
        }
        return lastPositive;
    }

    static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static List<String> labels(Enum<?>[] values) {
        return Arrays.stream(values).map(PortraitAttributes::label).toList();
    }
}
