package org.atelier.core.image;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A picture with a strip of text above it saying what it shows (model, class or prompt, sampler,
 * steps, guidance), so that a grid found later in a folder still explains itself. The text wraps
 * at word boundaries to the picture's width (at least {@link #MIN_WIDTH} pixels wide, so that a
 * grid of two 28-pixel images still gets a readable line).
 */
public final class CaptionStrip {
    static final int MIN_WIDTH = 240;
    private static final int PAD = 4;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private CaptionStrip() {
    }

    /** {@code picture} under a strip holding {@code caption}, centred if the strip is wider than the picture. */
    public static BufferedImage above(BufferedImage picture, String caption) {
        int width = Math.max(picture.getWidth(), MIN_WIDTH);
        FontMetrics fm = metrics();
        List<String> lines = wrap(caption, fm, width - 2 * PAD);
        int stripH = lines.size() * fm.getHeight() + 2 * PAD;
        BufferedImage out = new BufferedImage(width, stripH + picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(FONT);
            g.setColor(new Color(30, 30, 30));
            for (int i = 0; i < lines.size(); i++) {
                g.drawString(lines.get(i), PAD, PAD + fm.getAscent() + i * fm.getHeight());
            }
            g.drawImage(picture, (width - picture.getWidth()) / 2, stripH, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Words packed greedily into lines no wider than {@code max} pixels; a word wider than that gets a line alone. */
    static List<String> wrap(String text, FontMetrics fm, int max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (fm.stringWidth(candidate) <= max || line.length() == 0) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static FontMetrics metrics() {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return g.getFontMetrics(FONT);
        } finally {
            g.dispose();
        }
    }
}
