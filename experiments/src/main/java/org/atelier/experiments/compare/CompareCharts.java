package org.atelier.experiments.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.atelier.evaluation.distribution.FidInfinity;
import org.atelier.evaluation.fidelity.FidelityReport;
import org.atelier.evaluation.fidelity.Region;
import org.atelier.evaluation.report.Charts;
import org.jfree.chart.JFreeChart;

/** The comparison's charts, from the scores; no numbers are computed here that the tables do not show. */
final class CompareCharts {
    private CompareCharts() {
    }

    /** FID of nested subsets against 1/N per model, with the least-squares line whose intercept is FID∞. */
    static JFreeChart fidAgainstInverseN(List<ModelScores> models) {
        Map<String, Map<Double, Double>> series = new LinkedHashMap<>();
        java.util.Set<String> fits = new java.util.HashSet<>();
        for (ModelScores m : models) {
            List<FidInfinity.Point> points = m.fid().fidInfPoints();
            if (points.isEmpty()) {
                continue;
            }
            Map<Double, Double> xy = new TreeMap<>();
            SimpleRegression fit = new SimpleRegression(true);
            for (FidInfinity.Point p : points) {
                xy.put(1.0 / p.n(), p.fid());
                fit.addData(1.0 / p.n(), p.fid());
            }
            series.put(m.label(), xy);
            double xMax = 1.0 / points.get(0).n();
            Map<Double, Double> line = new TreeMap<>();
            line.put(0.0, fit.getIntercept());
            line.put(xMax, fit.predict(xMax));
            series.put(m.label() + Charts.FIT_SUFFIX, line);
            fits.add(m.label() + Charts.FIT_SUFFIX);
        }
        return Charts.pointsAndLines("FID against 1/N (intercept = FID∞)", "1 / N", "FID (fmnist-v1)", series,
                Set.copyOf(fits));
    }

    static JFreeChart prdc(List<ModelScores> models) {
        Map<String, Map<String, Double>> series = new LinkedHashMap<>();
        for (ModelScores m : models) {
            var p = m.kidPrdc().prdc();
            Map<String, Double> v = new LinkedHashMap<>();
            v.put("precision", p.precision());
            v.put("recall", p.recall());
            v.put("density", p.density());
            v.put("coverage", p.coverage());
            series.put(m.label(), v);
        }
        return Charts.bars("Precision, recall, density, coverage (k = 3)", "value", series);
    }

    /** One marker per model: sampling seconds per image against FID. */
    static JFreeChart qualityAgainstTime(List<ModelScores> models) {
        Map<String, Map<Double, Double>> series = new LinkedHashMap<>();
        for (ModelScores m : models) {
            series.put(m.label(), Map.of(m.secondsPerImage(), m.fid().fid()));
        }
        return Charts.pointsAndLines("Quality against sampling time", "seconds per image (this machine)",
                "FID (lower is better)", series, Set.of());
    }

    /**
     * Mean of one metric per mask kind and method with a whisker of 1.96 standard errors of the mean
     * (the normal-approximation 95 % interval; the paired tests are in the table).
     */
    static JFreeChart inpaintingBars(String title, Region region, String metric,
                                     Map<String, Map<String, FidelityReport>> byMethodAndKind) {
        Map<String, Map<String, double[]>> series = new LinkedHashMap<>();
        byMethodAndKind.forEach((method, byKind) -> {
            Map<String, double[]> v = new LinkedHashMap<>();
            byKind.forEach((kind, report) -> {
                double[] x = InpaintingScoring.scores(report, region, metric);
                double[] finite = java.util.Arrays.stream(x).filter(Double::isFinite).toArray();
                if (finite.length > 1) {
                    double mean = java.util.Arrays.stream(finite).average().orElse(Double.NaN);
                    double sd = Math.sqrt(java.util.Arrays.stream(finite).map(d -> (d - mean) * (d - mean)).sum()
                            / (finite.length - 1));
                    v.put(kind, new double[] {mean, 1.96 * sd / Math.sqrt(finite.length)});
                }
            });
            series.put(method, v);
        });
        return Charts.barsWithWhiskers(title, region.key() + " " + metric, series);
    }
}
