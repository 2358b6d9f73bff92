package org.atelier.experiments.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.core.random.Seeds;
import org.atelier.evaluation.fidelity.CorrectedComparisons;
import org.atelier.evaluation.fidelity.Feathering;
import org.atelier.evaluation.fidelity.FidelityComparison;
import org.atelier.evaluation.fidelity.FidelityReport;
import org.atelier.evaluation.fidelity.ImageScores;
import org.atelier.evaluation.fidelity.InpaintingBenchmark;
import org.atelier.evaluation.fidelity.Region;
import org.atelier.models.diffusion.RePaintOverrides;
import org.atelier.models.features.FmnistV1;
import org.atelier.models.sampling.FillRequest;
import org.atelier.models.sampling.Filler;
import org.atelier.models.sampling.Inpainting;
import org.atelier.training.Runs;

/**
 * Every method fills the same images under the same holes, per mask kind ({@link InpaintingBenchmark}
 * with one seed), and every fill is also scored feathered ({@link Feathering}). Then one family of
 * paired tests ({@link CorrectedComparisons}, Holm across all of them): each method against the
 * first (the baseline) on hole, seam band and whole image, and each method's feathered fill against
 * its plain fill on the seam band, where blending changes pixels.
 */
final class InpaintingScoring {
    /** The metrics the comparison table tests (MSE is left out: it ranks as L1 and PSNR do). */
    static final List<String> METRICS = List.of("psnr", "ssim", "l1", "perceptual");

    /** One method on one mask kind: its plain and feathered reports and where the fills are. */
    record Run(String method, String maskKind, FidelityReport plain, FidelityReport feathered, Path dir,
               double meanHole, double seconds) {
    }

    private InpaintingScoring() {
    }

    static Run run(CompareConfig.Inpainting cfg, CompareConfig.Method method, Runs.Loaded loaded, String maskKind,
                   long seed, Path dir) {
        RePaintOverrides repaint = new RePaintOverrides(method.steps(), method.jumpLength(), method.jumpCount(), null,
                null);
        Filler filler = Inpainting.filler(loaded.inpainter(), new FillRequest(null, null, method.useClass(),
                Inpainting.takesSettings(loaded.inpainter()) ? repaint : RePaintOverrides.NONE, false));
        InpaintingBenchmark.Settings settings = new InpaintingBenchmark.Settings(cfg.dataset(), cfg.n(), maskKind,
                Seeds.derive(seed, "inpainting"), cfg.band());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("model", method.model());
        model.put("family", loaded.family());
        InpaintingBenchmark.Result r = InpaintingBenchmark.run(filler, settings, dir, model, done -> { });
        FidelityReport feathered = cfg.feather() > 0
                ? Feathering.rescore(dir, cfg.feather(), cfg.band(), FmnistV1.load()) : null;
        return new Run(method.label(), maskKind, r.report(), feathered, dir, r.meanHole(), r.seconds());
    }

    /** The family of tests over every run, in a fixed order: per mask kind, methods vs baseline, then feathering. */
    static List<CorrectedComparisons.Judged> compare(List<Run> runs, List<String> methods, List<String> maskKinds,
                                                     int resamples, long seed) {
        List<CorrectedComparisons.Row> rows = new ArrayList<>();
        for (String kind : maskKinds) {
            Run base = find(runs, methods.get(0), kind);
            for (String m : methods.subList(1, methods.size())) {
                Run other = find(runs, m, kind);
                for (Region region : Region.values()) {
                    for (String metric : METRICS) {
                        rows.add(new CorrectedComparisons.Row(kind + " · " + region.key() + " · " + base.method()
                                + " → " + m, metric, FidelityComparison.HIGHER_IS_BETTER.contains(metric),
                                scores(base.plain(), region, metric), scores(other.plain(), region, metric)));
                    }
                }
            }
            for (String m : methods) {
                Run run = find(runs, m, kind);
                if (run.feathered() == null) {
                    continue;
                }
                for (String metric : METRICS) {
                    rows.add(new CorrectedComparisons.Row(kind + " · band · " + m + " plain → feathered", metric,
                            FidelityComparison.HIGHER_IS_BETTER.contains(metric),
                            scores(run.plain(), Region.BAND, metric), scores(run.feathered(), Region.BAND, metric)));
                }
            }
        }
        return CorrectedComparisons.judge(rows, resamples, Seeds.derive(seed, "inpainting-bootstrap"));
    }

    static Run find(List<Run> runs, String method, String kind) {
        return runs.stream().filter(r -> r.method().equals(method) && r.maskKind().equals(kind)).findFirst()
                .orElseThrow();
    }

    /** Per-image scores in image-name order (both reports score the same names: same dataset, N and seed). */
    static double[] scores(FidelityReport report, Region region, String metric) {
        List<ImageScores> images = new ArrayList<>(report.images());
        images.sort(java.util.Comparator.comparing(ImageScores::name));
        double[] v = new double[images.size()];
        for (int i = 0; i < v.length; i++) {
            var s = images.get(i).regions().get(region);
            v[i] = s == null ? Double.NaN : s.get(metric);
        }
        return v;
    }
}
