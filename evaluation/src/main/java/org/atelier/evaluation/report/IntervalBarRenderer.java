package org.atelier.evaluation.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.data.category.CategoryDataset;

/**
 * Bars with interval whiskers from a second dataset of lower and upper ends. JFreeChart's own
 * {@code StatisticalBarRenderer} draws mean ± one standard deviation, symmetric by construction;
 * Wilson and bootstrap intervals are not symmetric, so the whisker ends are drawn as given.
 */
final class IntervalBarRenderer extends BarRenderer {
    private static final long serialVersionUID = 1L;
    private final transient CategoryDataset lows;
    private final transient CategoryDataset highs;

    IntervalBarRenderer(CategoryDataset lows, CategoryDataset highs) {
        this.lows = lows;
        this.highs = highs;
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                         CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column,
                         int pass) {
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        Number low = lows.getValue(row, column);
        Number high = highs.getValue(row, column);
        if (low == null || high == null || !Double.isFinite(low.doubleValue()) || !Double.isFinite(high.doubleValue())) {
            return;
        }
        double x0 = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, row, column);
        double mid = x0 + state.getBarWidth() / 2;
        double cap = Math.max(2, state.getBarWidth() / 5);
        double y0 = rangeAxis.valueToJava2D(low.doubleValue(), dataArea, plot.getRangeAxisEdge());
        double y1 = rangeAxis.valueToJava2D(high.doubleValue(), dataArea, plot.getRangeAxisEdge());
        g2.setPaint(Color.BLACK);
        g2.setStroke(new BasicStroke(1.2f));
        g2.draw(new Line2D.Double(mid, y0, mid, y1));
        g2.draw(new Line2D.Double(mid - cap, y0, mid + cap, y0));
        g2.draw(new Line2D.Double(mid - cap, y1, mid + cap, y1));
    }
}
