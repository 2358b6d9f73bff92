package org.atelier.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atelier.core.image.Image;
import org.atelier.evaluation.fidelity.Ssim;
import org.atelier.evaluation.fidelity.SsimWindow;

/**
 * Whole-image SSIM ({@link Ssim#whole}: 11-tap Gaussian window, σ 1.5, data range 2 for
 * [−1, 1] images) of N pairs of 28×28 single-channel images, one pair at a time as the fidelity
 * evaluation calls it. The mean over pairs is kept to check against the PyTorch side.
 */
final class SsimCase implements BenchCase {
    static final int SIDE = 28;

    @Override
    public String id() {
        return "ssim";
    }

    @Override
    public String title(BenchSettings s) {
        return "SSIM of " + s.ssimPairs() + " pairs of 28x28 images";
    }

    @Override
    public boolean runsGraphs() {
        return false;
    }

    @Override
    public Workload prepare(BenchSettings s) {
        List<Image> a = new ArrayList<>(s.ssimPairs());
        List<Image> b = new ArrayList<>(s.ssimPairs());
        for (int i = 0; i < s.ssimPairs(); i++) {
            a.add(new Image(1, SIDE, SIDE, DeterministicData.ssimPixels(false, i, SIDE)));
            b.add(new Image(1, SIDE, SIDE, DeterministicData.ssimPixels(true, i, SIDE)));
        }
        double[] mean = {Double.NaN};
        return new Workload() {
            @Override
            public void run() {
                double sum = 0;
                for (int i = 0; i < a.size(); i++) {
                    sum += Ssim.whole(a.get(i), b.get(i), SsimWindow.STANDARD, 2.0);
                }
                mean[0] = sum / a.size();
            }

            @Override
            public Map<String, Object> facts() {
                return Map.of("value", mean[0]);
            }
        };
    }
}
