package org.atelier.core.image;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Images side by side at one height, each with a caption under it (content, style, results of
 * a style-weight sweep). {@code ImageGrid} needs images of one size and captions per row; a
 * strip of a landscape photo beside a portrait painting needs neither, hence this small class.
 */
public final class ImageStrip {
    private static final int GAP = 4;
    private static final int CAPTION = 18;

    private ImageStrip() {
    }

    /** @param height every image is scaled (bilinear) to this many pixels high, keeping its aspect ratio */
    public static BufferedImage of(List<Image> images, List<String> captions, int height) {
        if (images.isEmpty() || images.size() != captions.size()) {
            throw new IllegalArgumentException("need as many captions as images, at least one");
        }
        int[] widths = new int[images.size()];
        int total = GAP;
        for (int i = 0; i < images.size(); i++) {
            Image im = images.get(i);
            widths[i] = Math.max(1, (int) Math.round(im.width() * height / (double) im.height()));
            total += widths[i] + GAP;
        }
        BufferedImage out = new BufferedImage(total, height + 2 * GAP + CAPTION, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(40, 40, 40));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        int x = GAP;
        for (int i = 0; i < images.size(); i++) {
            g.drawImage(ImageFiles.toBuffered(images.get(i).toRgb()), x, GAP, widths[i], height, null);
            g.setColor(Color.WHITE);
            String cap = captions.get(i);
            g.drawString(cap, x + Math.max(0, (widths[i] - fm.stringWidth(cap)) / 2), GAP + height + CAPTION - 4);
            x += widths[i] + GAP;
        }
        g.dispose();
        return out;
    }
}
