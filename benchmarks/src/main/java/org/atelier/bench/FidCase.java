package org.atelier.bench;

import java.util.Map;
import org.atelier.evaluation.distribution.FeatureStatistics;
import org.atelier.evaluation.distribution.FrechetDistance;
import org.atelier.evaluation.distribution.GaussianStatistics;

/**
 * FID between two sets of N × D features held in memory: the streaming float64 statistics of
 * both sets ({@link FeatureStatistics}: sums and XᵀX by blocked dgemm) and the Fréchet distance
 * from symmetric eigenproblems ({@link FrechetDistance}). The features are made before the clock
 * starts; the PyTorch side runs the same route in float64 on the same values.
 */
final class FidCase implements BenchCase {
    @Override
    public String id() {
        return "fid";
    }

    @Override
    public String title(BenchSettings s) {
        return "FID, 2 x " + s.fidSamples() + " x " + s.fidDimension() + " features";
    }

    @Override
    public boolean heavy() {
        return true;
    }

    @Override
    public boolean runsGraphs() {
        return false;
    }

    @Override
    public Workload prepare(BenchSettings s) {
        float[][] a = DeterministicData.fidFeatures(false, s.fidSamples(), s.fidDimension());
        float[][] b = DeterministicData.fidFeatures(true, s.fidSamples(), s.fidDimension());
        double[] value = {Double.NaN};
        return new Workload() {
            @Override
            public void run() {
                GaussianStatistics ga = statistics(a, s.fidDimension());
                GaussianStatistics gb = statistics(b, s.fidDimension());
                value[0] = FrechetDistance.between(ga, gb);
            }

            @Override
            public Map<String, Object> facts() {
                return Map.of("value", value[0]);
            }
        };
    }

    private static GaussianStatistics statistics(float[][] rows, int d) {
        FeatureStatistics st = new FeatureStatistics(d);
        st.addAll(rows);
        return st.toGaussian("bench");
    }
}
