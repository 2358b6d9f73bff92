package org.atelier.evaluation.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The chart shapes reports use, in one consistent look. */
public final class Charts {
    private static final Color BAR = new Color(0x3b6ea5);
    /** Suffix of a fitted line's series name; it is drawn in its data series' colour. */
    public static final String FIT_SUFFIX = " (fit)";
    private static final Color[] PALETTE = {new Color(0x3b6ea5), new Color(0xd0622a), new Color(0x3f9142),
        new Color(0x9b4f9b), new Color(0xb8960c), new Color(0x2aa1b3), new Color(0x8c564b), new Color(0x555555)};

    private Charts() {
    }

    /**
     * Bar chart of {@code series → (category → value)}: one colour per series, categories on the
     * x axis in the maps' iteration order.
     */
    public static JFreeChart bars(String title, String valueAxis,
                                  Map<String, ? extends Map<String, ? extends Number>> series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        series.forEach((s, values) -> values.forEach((category, v) -> data.addValue(v, s, category)));
        JFreeChart chart = ChartFactory.createBarChart(title, null, valueAxis, data, PlotOrientation.VERTICAL,
                series.size() > 1, false, false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, BAR);
        r.setItemMargin(0.02);
        CategoryAxis x = plot.getDomainAxis();
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        x.setMaximumCategoryLabelLines(2);
        return chart;
    }

    /** A value with its interval, for {@link #barsWithIntervals}. */
    public record Bar(double value, double low, double high) {
    }

    /**
     * Bars of {@code series → (category → value and interval)} with whiskers at the interval's ends;
     * with {@code referenceLine} finite, a dashed horizontal line at that value (1 for ratios).
     */
    public static JFreeChart barsWithIntervals(String title, String valueAxis, Map<String, ? extends Map<String, Bar>> series,
                                               double referenceLine) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        DefaultCategoryDataset lows = new DefaultCategoryDataset();
        DefaultCategoryDataset highs = new DefaultCategoryDataset();
        // a value not estimated (a slice too small) stays a category without a bar: null, never NaN
        series.forEach((s, values) -> values.forEach((category, b) -> {
            data.addValue(Double.isFinite(b.value()) ? b.value() : null, s, category);
            lows.addValue(b.low(), s, category);
            highs.addValue(b.high(), s, category);
        }));
        JFreeChart chart = ChartFactory.createBarChart(title, null, valueAxis, data, PlotOrientation.VERTICAL,
                series.size() > 1, false, false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        IntervalBarRenderer r = new IntervalBarRenderer(lows, highs);
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        for (int i = 0; i < PALETTE.length; i++) {
            r.setSeriesPaint(i, PALETTE[i]);
        }
        plot.setRenderer(r);
        double top = 0;
        double bottom = 0; // below 0 only for values that can be negative (an unbiased KID near 0)
        for (Map<String, Bar> values : series.values()) {
            for (Bar b : values.values()) {
                for (double v : new double[] {b.value(), b.low(), b.high()}) {
                    if (Double.isFinite(v)) {
                        top = Math.max(top, v);
                        bottom = Math.min(bottom, v);
                    }
                }
            }
        }
        if (Double.isFinite(referenceLine)) {
            ValueMarker line = new ValueMarker(referenceLine, Color.DARK_GRAY, new BasicStroke(1.5f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
            plot.addRangeMarker(line);
            top = Math.max(top, referenceLine);
        }
        plot.getRangeAxis().setRange(bottom == 0 ? 0 : bottom - 0.08 * (top - bottom), top + 0.08 * (top - bottom) + 1e-9);
        return chart;
    }

    /**
     * Line chart of {@code series → (x → y)}, e.g. training losses against the step; each series
     * keeps its maps' iteration order.
     */
    public static JFreeChart lines(String title, String xAxis, String yAxis, Map<String, ? extends Map<? extends Number, ? extends Number>> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((name, points) -> {
            XYSeries xy = new XYSeries(name, false, true);
            points.forEach(xy::add);
            data.addSeries(xy);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, xAxis, yAxis, data, PlotOrientation.VERTICAL,
                true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setOutlineVisible(false);
        return chart;
    }

    /**
     * Bars with whiskers: {@code series → (category → {value, half-width})}; each whisker spans
     * value ± half-width (JFreeChart's statistical bar draws a symmetric whisker, so an interval is
     * given by its half-width — say in the caption what it is).
     */
    public static JFreeChart barsWithWhiskers(String title, String valueAxis,
                                              Map<String, ? extends Map<String, double[]>> series) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        series.forEach((s, values) -> values.forEach((category, v) -> data.add(v[0], v[1], s, category)));
        JFreeChart chart = ChartFactory.createBarChart(title, null, valueAxis, data, PlotOrientation.VERTICAL,
                series.size() > 1, false, false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        StatisticalBarRenderer r = new StatisticalBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setErrorIndicatorPaint(Color.BLACK);
        r.setItemMargin(0.02);
        plot.setRenderer(r);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return chart;
    }

    /**
     * Points and lines together: {@code series → (x → y)}; series whose name is in {@code linesOnly}
     * are drawn as lines without markers (fits), the others as markers without lines (measurements).
     * A series named {@code "X" + FIT_SUFFIX} takes the colour of series X.
     */
    public static JFreeChart pointsAndLines(String title, String xAxis, String yAxis,
                                            Map<String, ? extends Map<? extends Number, ? extends Number>> series,
                                            java.util.Set<String> linesOnly) {
        JFreeChart chart = lines(title, xAxis, yAxis, series);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        java.util.List<String> names = new java.util.ArrayList<>(series.keySet());
        java.util.List<String> bases = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            boolean line = linesOnly.contains(name);
            r.setSeriesLinesVisible(i, line);
            r.setSeriesShapesVisible(i, !line);
            String base = name.endsWith(FIT_SUFFIX) ? name.substring(0, name.length() - FIT_SUFFIX.length()) : name;
            if (!bases.contains(base)) {
                bases.add(base);
            }
            r.setSeriesPaint(i, PALETTE[bases.indexOf(base) % PALETTE.length]);
        }
        chart.getXYPlot().setRenderer(r);
        return chart;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        if (chart.getPlot() instanceof CategoryPlot p) {
            p.setBackgroundPaint(Color.WHITE);
            p.setRangeGridlinePaint(new Color(0xdddddd));
            p.setOutlineVisible(false);
        }
    }
}
