package org.atelier.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.atelier.models.diffusion.NoiseSchedule;
import org.atelier.models.diffusion.ScheduleKind;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** The schedule comparison draws one line per schedule, with the schedule's own values. */
class ScheduleChartTest {
    @Test
    void compareDrawsEachScheduleItsValues() {
        NoiseSchedule lin = NoiseSchedule.of(ScheduleKind.LINEAR, 100);
        NoiseSchedule cos = NoiseSchedule.of(ScheduleKind.COSINE, 100);
        JFreeChart c = ScheduleChart.compare(ScheduleChart.Curve.SNR_DB, List.of(lin, cos));
        XYDataset d = c.getXYPlot().getDataset();
        assertEquals(2, d.getSeriesCount());
        assertEquals("cosine(T=100)", d.getSeriesKey(1));
        assertEquals(100, d.getItemCount(0));
        assertEquals(cos.snrDb(37), d.getYValue(1, 37), 1e-12);
        assertEquals(lin.beta(99), ScheduleChart.compare(ScheduleChart.Curve.BETA, List.of(lin)).getXYPlot().getDataset()
                .getYValue(0, 99), 1e-15);
    }
}
