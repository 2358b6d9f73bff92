package org.atelier.evaluation.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

class AuditChartsTest {
    private static final SliceOptions O = SliceOptions.defaults(1).withBootstrap(200);

    @Test
    void sharesChartHoldsObservedAndReferenceShares() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("dark", 10);
        counts.put("light", 80);
        counts.put("medium", 10);
        ShareComparison c = ShareComparison.of(counts, ReferenceShares.parse("uniform", counts.keySet()), 0.95);
        CategoryDataset d = AuditCharts.shares("t", c, "equal shares").getCategoryPlot().getDataset();
        assertEquals(List.of("observed", "equal shares"), d.getRowKeys());
        assertEquals(List.of("dark", "light", "medium"), d.getColumnKeys());
        assertEquals(0.8, d.getValue("observed", "light").doubleValue(), 1e-12);
        assertEquals(1 / 3.0, d.getValue("equal shares", "dark").doubleValue(), 1e-12);
    }

    @Test
    void amplificationChartsDrawFactorsWithTheLineAtOne() {
        RepresentationAudit r = audit(List.of("a", "a", "a", "b"));
        JFreeChart chart = AuditCharts.amplification("t", r);
        CategoryDataset d = chart.getCategoryPlot().getDataset();
        assertEquals(List.of("raw", "corrected"), d.getRowKeys());
        // read as a in 3 of 4 samples against a training share of 0.5: factor 1.5
        assertEquals(1.5, d.getValue("raw", "a").doubleValue(), 1e-12);
        assertEquals(1.0, marker(chart), 1e-12);
        CategoryDataset shares = AuditCharts.generatedShares("t", r).getCategoryPlot().getDataset();
        assertEquals(List.of("training", "generated (raw)", "generated (corrected)"), shares.getRowKeys());
        assertEquals(0.5, shares.getValue("training", "b").doubleValue(), 1e-12);
        Map<String, RepresentationAudit> two = new LinkedHashMap<>();
        two.put("n = 4", r);
        two.put("n = 2", audit(List.of("a", "b")));
        CategoryDataset both = AuditCharts.correctedAmplification("t", two).getCategoryPlot().getDataset();
        assertEquals(List.of("n = 4", "n = 2"), both.getRowKeys());
        assertEquals(1.0, both.getValue("n = 2", "b").doubleValue(), 1e-12);
    }

    @Test
    void frameChartLeavesTooSmallSlicesOutAndMarksTheOverallValue() {
        double[] v = {1, 2, 3, 4, 5, 6, 7};
        List<Map<String, String>> rows = List.of(Map.of("g", "x"), Map.of("g", "x"), Map.of("g", "x"), Map.of("g", "y"),
                Map.of("g", "y"), Map.of("g", "y"), Map.of("g", "z"));
        SliceFrame f = SliceFrame.of("score", v, rows, List.of("g"), O.withMinSize(2));
        JFreeChart chart = AuditCharts.frame("t", "score", f);
        CategoryDataset d = chart.getCategoryPlot().getDataset();
        assertEquals(List.of("x", "y"), d.getColumnKeys());
        assertFalse(d.getColumnKeys().contains("z"));
        assertEquals(2.0, d.getValue("score", "x").doubleValue(), 1e-12);
        assertEquals(4.0, marker(chart), 1e-12);
    }

    private static RepresentationAudit audit(List<String> generated) {
        // a classifier that reads every held-out image right: corrected shares equal raw ones
        List<String> truth = List.of("a", "a", "b", "b");
        return RepresentationAudit.of("g", List.of("a", "b"), Map.of("a", 0.5, "b", 0.5), truth, truth, generated, O);
    }

    private static double marker(JFreeChart chart) {
        Collection<?> markers = chart.getCategoryPlot().getRangeMarkers(Layer.FOREGROUND);
        assertTrue(markers != null && markers.size() == 1, "one reference line");
        return ((ValueMarker) markers.iterator().next()).getValue();
    }
}
