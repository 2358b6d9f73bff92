package org.atelier.datasets.masks;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Captions and watermarks as on the photos users bring for restoration: 1 to {@code lines} short
 * texts (a date stamp, a copyright line, a watermark word), each in a seeded font family, style,
 * size and place, some slanted as watermarks are; the hole is every pixel the glyphs cover.
 *
 * <p>Drawn by Java2D with anti-aliasing off into a binary image, so a pixel is either ink or not.
 * Unlike the other kinds (exact centre-in-shape tests, {@link Shapes}), glyph shapes come from the
 * fonts installed on the machine (the logical families SansSerif, Serif and Monospaced map to
 * DejaVu on Debian, the package {@code fonts-dejavu-core}): the same seed gives the same mask on
 * machines with the same fonts, not necessarily across font sets.
 *
 * @param lines most texts per mask, ≥ 1
 * @param minSize smallest text height as a share of the image height, in (0, 1]
 * @param maxSize largest text height as a share of the image height, in [minSize, 1]
 */
public record TextOverlayMaskGenerator(int lines, double minSize, double maxSize) implements MaskGenerator {
    public static final int DEFAULT_LINES = 2;
    public static final double DEFAULT_MIN_SIZE = 0.2;
    public static final double DEFAULT_MAX_SIZE = 0.4;

    private static final List<String> FAMILIES = List.of(Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED);
    private static final int[] STYLES = {Font.PLAIN, Font.BOLD, Font.ITALIC};
    private static final List<String> WORDS = List.of("SAMPLE", "PROOF", "DRAFT", "COPY", "© 1998", "© studio",
            "photo", "stock", "preview", "do not copy");

    public TextOverlayMaskGenerator {
        if (lines < 1) {
            throw new IllegalArgumentException("lines must be at least 1, got " + lines);
        }
        if (!(minSize > 0 && minSize <= maxSize && maxSize <= 1)) {
            throw new IllegalArgumentException("need 0 < minSize <= maxSize <= 1, got " + minSize + ", " + maxSize);
        }
    }

    public TextOverlayMaskGenerator() {
        this(DEFAULT_LINES, DEFAULT_MIN_SIZE, DEFAULT_MAX_SIZE);
    }

    static TextOverlayMaskGenerator fromSpec(MaskSpec spec) {
        spec.allowOnly(Set.of("lines", "min-size", "max-size"));
        int lines = spec.integer("lines", DEFAULT_LINES, 1, 20);
        double min = spec.number("min-size", DEFAULT_MIN_SIZE, 0.05, 1.0);
        double max = spec.number("max-size", Math.max(min, DEFAULT_MAX_SIZE), min, 1.0);
        return new TextOverlayMaskGenerator(lines, min, max);
    }

    @Override
    public String kind() {
        StringBuilder args = new StringBuilder();
        if (lines != DEFAULT_LINES) {
            args.append(",lines=").append(lines);
        }
        if (minSize != DEFAULT_MIN_SIZE) {
            args.append(",min-size=").append(MaskKinds.format(minSize));
        }
        if (maxSize != DEFAULT_MAX_SIZE) {
            args.append(",max-size=").append(MaskKinds.format(maxSize));
        }
        return args.length() == 0 ? "text" : "text:" + args.substring(1);
    }

    @Override
    public Mask generate(int height, int width, RandomGenerator rng) {
        BufferedImage ink = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = ink.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
            g.setColor(java.awt.Color.WHITE);
            int count = 1 + rng.nextInt(lines);
            for (int i = 0; i < count; i++) {
                drawOne(g, height, width, rng);
            }
        } finally {
            g.dispose();
        }
        boolean[] hole = new boolean[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                hole[y * width + x] = (ink.getRaster().getSample(x, y, 0)) > 127;
            }
        }
        return new Mask(height, width, hole);
    }

    /** One text: family, style, size, slant and place drawn in this order from {@code rng}. */
    private void drawOne(Graphics2D g, int height, int width, RandomGenerator rng) {
        String text = WORDS.get(rng.nextInt(WORDS.size()));
        String family = FAMILIES.get(rng.nextInt(FAMILIES.size()));
        int style = STYLES[rng.nextInt(STYLES.length)];
        double share = minSize == maxSize ? minSize : rng.nextDouble(minSize, maxSize);
        int px = Math.max(4, (int) Math.round(share * height));
        double angle = rng.nextInt(4) == 0 ? Math.toRadians(rng.nextBoolean() ? -30 : 30) : 0; // a quarter slanted
        Font font = new Font(family, style, px);
        FontRenderContext frc = g.getFontRenderContext();
        GlyphVector glyphs = font.createGlyphVector(frc, text);
        Rectangle2D box = glyphs.getVisualBounds();
        // place the text's centre anywhere in the image: long words run off the edge, as real overlays do
        double cx = rng.nextDouble() * width;
        double cy = rng.nextDouble() * height;
        AffineTransform at = new AffineTransform();
        at.translate(cx, cy);
        at.rotate(angle);
        at.translate(-box.getCenterX(), -box.getCenterY());
        g.fill(at.createTransformedShape(glyphs.getOutline()));
    }
}
