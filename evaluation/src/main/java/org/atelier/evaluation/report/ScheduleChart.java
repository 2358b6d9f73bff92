package org.atelier.evaluation.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.atelier.models.diffusion.NoiseSchedule;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * β_t, α_t and ᾱ_t of a schedule against t, on one linear axis from 0 to 1 (β is small, so
 * it is drawn as min(1, 10·β) to be legible; the legend says so).
 */
public final class ScheduleChart {
    private static final Color[] COLOURS = {new Color(0xc0392b), new Color(0x3b6ea5), new Color(0x27ae60), new Color(0x8e44ad)};

    private ScheduleChart() {
    }

    public static JFreeChart of(NoiseSchedule s) {
        XYSeries beta = new XYSeries("min(1, 10·β_t)");
        XYSeries alpha = new XYSeries("α_t = 1 − β_t");
        XYSeries alphaBar = new XYSeries("ᾱ_t = ∏ α_s");
        XYSeries signal = new XYSeries("√ᾱ_t (signal scale)");
        for (int t = 0; t < s.steps(); t++) {
            beta.add(t, Math.min(1.0, 10 * s.beta(t)));
            alpha.add(t, s.alpha(t));
            alphaBar.add(t, s.alphaBar(t));
            signal.add(t, Math.sqrt(s.alphaBar(t)));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(beta);
        data.addSeries(alpha);
        data.addSeries(alphaBar);
        data.addSeries(signal);
        NumberAxis x = new NumberAxis("timestep t (0-based)");
        NumberAxis y = new NumberAxis("value");
        y.setRange(0, 1.02);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < COLOURS.length; i++) {
            r.setSeriesPaint(i, COLOURS[i]);
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(s.kind().id() + " noise schedule, T = " + s.steps(),
                new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(String.format("β from %.3g to %.3g; ᾱ_T = %.4g", s.beta(0), s.beta(s.steps() - 1),
                s.alphaBar(s.steps() - 1))));
        return chart;
    }
}
