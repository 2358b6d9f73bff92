package org.atelier.datasets.portraits;

import java.awt.Color;
import java.util.List;
import org.atelier.datasets.portraits.PortraitAttributes.Background;
import org.atelier.datasets.portraits.PortraitAttributes.Hair;

/**
 * The sRGB colours the portrait renderer paints with. Changing any of them changes the pixels:
 * bump {@link PortraitRenderer#VERSION}.
 */
final class PortraitPalette {
    /**
     * The ten Monk Skin Tone (MST) swatches, MST-1 (lightest) to MST-10 (darkest), as sRGB.
     *
     * <p>Source: Ellis Monk's Monk Skin Tone Scale (2019), published by Google as an open
     * scale at skintone.google; the hex values are those of the published swatches, as
     * tabulated in the Wikipedia article "Monk Skin Tone Scale" (checked against a copy of
     * that table): f6ede4, f3e7db, f7ead0, eadaba, d7bd96, a07e56, 825c43, 604134, 3a312a,
     * 292420. Note that MST-3 is slightly lighter than MST-2 in luminance — that is the
     * published scale, not a typo here.
     */
    static final List<Color> MONK_SKIN_TONES = List.of(
            rgb(0xf6ede4), rgb(0xf3e7db), rgb(0xf7ead0), rgb(0xeadaba), rgb(0xd7bd96),
            rgb(0xa07e56), rgb(0x825c43), rgb(0x604134), rgb(0x3a312a), rgb(0x292420));

    private PortraitPalette() {
    }

    /** MST swatch {@code tone} in 1..10. */
    static Color skin(int tone) {
        return MONK_SKIN_TONES.get(tone - 1);
    }

    /**
     * Base hair colour. Grey is the darkest grey an old face gets; the renderer lightens it
     * towards white by a seeded amount.
     */
    static Color hair(Hair hair) {
        return switch (hair) {
            case BLACK -> rgb(0x1b1716);
            case BROWN -> rgb(0x5b3a24);
            case BLOND -> rgb(0xd9b56b);
            case RED -> rgb(0xa8461e);
            case GREY -> rgb(0x9c9a98);
        };
    }

    static Color background(Background background) {
        return switch (background) {
            case BLUE -> rgb(0x5f8fcf);
            case GREEN -> rgb(0x6fae78);
            case GREY -> rgb(0x9a9a9a);
            case PURPLE -> rgb(0x9a7cc0);
        };
    }

    /** Shirt colours, a seeded variation that is not an attribute. */
    static final List<Color> SHIRTS = List.of(
            rgb(0x2f3e5c), rgb(0x8c2f39), rgb(0xe8e4da), rgb(0x3f6b4a), rgb(0x4a4a4a),
            rgb(0xc9a227), rgb(0x6a4c93), rgb(0x2a7f8f));

    /** Iris colours, a seeded variation (mostly brown, as in most populations). */
    static final List<Color> IRISES = List.of(
            rgb(0x3b2414), rgb(0x4a2c17), rgb(0x2b1a10), rgb(0x4f7aa6), rgb(0x5d7a3e));

    static final Color EYE_WHITE = rgb(0xf4f1ec);
    static final Color TEETH = rgb(0xf6f3ea);
    static final Color MOUTH_INSIDE = rgb(0x4a1418);
    static final Color GLASSES_FRAME = rgb(0x141414);

    static Color rgb(int hex) {
        return new Color((hex >> 16) & 0xff, (hex >> 8) & 0xff, hex & 0xff);
    }

    /** {@code a} moved towards {@code b} by {@code t} in [0, 1], per sRGB channel. */
    static Color mix(Color a, Color b, double t) {
        return new Color(
                clamp(a.getRed() + (b.getRed() - a.getRed()) * t),
                clamp(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                clamp(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    /** Every channel times {@code f} (a brightness change), clamped to 0..255. */
    static Color scale(Color c, double f) {
        return new Color(clamp(c.getRed() * f), clamp(c.getGreen() * f), clamp(c.getBlue() * f));
    }

    /** The colour with the given alpha, 0..1. */
    static Color alpha(Color c, double a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), clamp(a * 255));
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
