package org.atelier.core.image;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A table of images of one size with a heading over each column and a label left of each row:
 * the timestep t over each column of a diffusion trajectory, "x_t" and "x0 predicted" beside its
 * rows. {@link ImageGrid} captions whole blocks only, which cannot say which column is which t.
 */
public final class CaptionedGrid {
    private static final int GAP = 2;
    private static final int PAD = 6;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private CaptionedGrid() {
    }

    /**
     * @param rowLabels      one per row, drawn left of it
     * @param columnHeadings one per column, drawn centred above it
     * @param images         row by row, {@code rowLabels.size() × columnHeadings.size()} images of one size
     * @param scale          each image enlarged by this factor (nearest neighbour)
     */
    public static BufferedImage of(List<String> rowLabels, List<String> columnHeadings, List<Image> images, int scale) {
        int rows = rowLabels.size();
        int cols = columnHeadings.size();
        if (rows < 1 || cols < 1 || images.size() != rows * cols) {
            throw new IllegalArgumentException("a captioned grid of " + rows + " rows and " + cols + " columns needs "
                    + rows * cols + " images, got " + images.size());
        }
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be >= 1, got " + scale);
        }
        Image first = images.get(0);
        int cellW = first.width() * scale;
        int cellH = first.height() * scale;
        FontMetrics fm = metrics();
        int labelW = rowLabels.stream().mapToInt(fm::stringWidth).max().orElse(0) + 2 * PAD;
        int headH = fm.getHeight() + PAD;
        int width = labelW + cols * (cellW + GAP) + GAP;
        int height = headH + rows * (cellH + GAP) + GAP;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(40, 40, 40));
        g.fillRect(0, 0, width, height);
        g.setFont(FONT);
        g.setColor(Color.WHITE);
        for (int c = 0; c < cols; c++) {
            String h = columnHeadings.get(c);
            int x = labelW + c * (cellW + GAP) + Math.max(0, (cellW - fm.stringWidth(h)) / 2);
            g.drawString(h, x, headH - PAD / 2 - fm.getDescent());
        }
        for (int r = 0; r < rows; r++) {
            int y = headH + r * (cellH + GAP);
            g.setColor(Color.WHITE);
            g.drawString(rowLabels.get(r), PAD, y + (cellH + fm.getAscent()) / 2 - 1);
            for (int c = 0; c < cols; c++) {
                Image img = images.get(r * cols + c);
                if (img.width() != first.width() || img.height() != first.height()) {
                    throw new IllegalArgumentException("grid images must share one size: " + first + " vs " + img);
                }
                g.drawImage(ImageFiles.toBuffered(img.toRgb().scaledUp(scale)), labelW + c * (cellW + GAP), y, null);
            }
        }
        g.dispose();
        return out;
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
