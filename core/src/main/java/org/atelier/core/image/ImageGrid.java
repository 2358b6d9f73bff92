package org.atelier.core.image;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/** Lays out images in a grid with a small gap, optionally with a caption above each row. */
public final class ImageGrid {
    private static final int GAP = 2;
    private static final int CAPTION_HEIGHT = 16;

    private ImageGrid() {
    }

    /** The enlargement that makes samples legible in a grid: ×2 below 64 pixels wide, else ×1. */
    public static int legibleScale(Image sample) {
        return sample.width() < 64 ? 2 : 1;
    }

    /** Columns of a roughly square grid of {@code n} images. */
    public static int squareColumns(int n) {
        return (int) Math.ceil(Math.sqrt(n));
    }

    /** Images of one size, {@code columns} per row, each enlarged by {@code scale}. */
    public static BufferedImage of(List<Image> images, int columns, int scale) {
        return labelled(List.of(new Row("", images)), columns, scale, false);
    }

    /** One labelled block of images (e.g. all samples of one attribute value). */
    public record Row(String caption, List<Image> images) {
    }

    /**
     * Blocks one under the other, each wrapped at {@code columns}, with its caption drawn above
     * it when {@code captions} is true. Every image must have the size of the first.
     */
    public static BufferedImage labelled(List<Row> rows, int columns, int scale, boolean captions) {
        Image first = rows.stream().flatMap(r -> r.images().stream()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a grid needs at least one image"));
        int cellW = first.width() * scale;
        int cellH = first.height() * scale;
        int totalH = GAP;
        for (Row r : rows) {
            int lines = Math.max(1, (r.images().size() + columns - 1) / columns);
            totalH += (captions ? CAPTION_HEIGHT : 0) + lines * (cellH + GAP);
        }
        int totalW = GAP + columns * (cellW + GAP);
        totalW = Math.max(totalW, captions ? 160 : 0);
        BufferedImage out = new BufferedImage(totalW, totalH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(40, 40, 40));
        g.fillRect(0, 0, totalW, totalH);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int y = GAP;
        for (Row r : rows) {
            if (captions) {
                g.setColor(Color.WHITE);
                g.drawString(r.caption(), GAP + 2, y + CAPTION_HEIGHT - 4);
                y += CAPTION_HEIGHT;
            }
            for (int i = 0; i < r.images().size(); i++) {
                Image img = r.images().get(i);
                if (img.width() != first.width() || img.height() != first.height()) {
                    throw new IllegalArgumentException("grid images must share one size: " + first + " vs " + img);
                }
                int cx = GAP + (i % columns) * (cellW + GAP);
                int cy = y + (i / columns) * (cellH + GAP);
                g.drawImage(ImageFiles.toBuffered(img.toRgb().scaledUp(scale)), cx, cy, null);
            }
            y += Math.max(1, (r.images().size() + columns - 1) / columns) * (cellH + GAP);
        }
        g.dispose();
        return out;
    }
}
