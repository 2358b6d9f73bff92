package org.atelier.evaluation.report;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.atelier.core.io.AtomicFiles;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Saves a JFreeChart as PNG (for the page) and SVG (for papers), each written atomically. */
public final class ChartFiles {
    private ChartFiles() {
    }

    /** Writes {@code name.png} and {@code name.svg} into {@code dir}. */
    public static void write(JFreeChart chart, Path dir, String name, int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(png, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeBytes(dir.resolve(name + ".png"), png.toByteArray());
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        chart.draw(svg, new Rectangle(0, 0, width, height));
        AtomicFiles.writeString(dir.resolve(name + ".svg"), svg.getSVGDocument());
    }
}
