package org.atelier.experiments.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.atelier.core.image.Image;
import org.atelier.core.random.Seeds;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Slices;
import org.atelier.evaluation.audit.AuditClassifier;
import org.atelier.evaluation.audit.FidelitySlices;
import org.atelier.evaluation.audit.ImageAttributes;
import org.atelier.evaluation.audit.SliceDistribution;
import org.atelier.evaluation.audit.SliceOptions;
import org.atelier.evaluation.fidelity.InpaintingBenchmark;
import org.atelier.models.Inpainter;
import org.atelier.models.diffusion.RePaintOverrides;
import org.atelier.models.sampling.FillRequest;
import org.atelier.models.sampling.Filler;
import org.atelier.models.sampling.Inpainting;
import org.atelier.training.Runs;

/**
 * The audit's quality per slice: a generator's samples against real images within each slice
 * ({@link SliceDistribution}), and an inpainter's fidelity on the hole per slice
 * ({@link InpaintingBenchmark} and {@link FidelitySlices}).
 */
final class QualityPerSlice {
    /**
     * The inpainting benchmark, broken down by slice.
     *
     * @param weights   the inpainter's checkpoint
     * @param dir       where the reference, masks, fills and preview.png are
     * @param method    how the holes were filled, in words
     */
    record Inpainted(AuditConfig.Inpainting config, Path weights, Path dir, String method, FidelitySlices slices,
                     double meanHole, double seconds) {
    }

    private QualityPerSlice() {
    }

    /**
     * The generated samples, each in the slice the classifier read, against real images of every
     * slice of the generator's training set (up to {@code realPerSlice} each, drawn from the seed).
     */
    static SliceDistribution distribution(AuditClassifier classifier, List<Image> generated, List<String> readings,
                                          ImageDataset training, String attribute, AuditConfig.Quality q, long seed,
                                          String generator) {
        float[][] gen = classifier.features(generated, "generated sample");
        long realSeed = Seeds.derive(seed, "audit/quality/real/" + training.id());
        Map<String, float[][]> real = new LinkedHashMap<>();
        Slices.indicesBy(training, attribute).forEach((value, indices) -> real.put(value,
                features(classifier, training, Slices.pick(indices, q.realPerSlice(), Seeds.derive(realSeed, value)))));
        List<Integer> all = IntStream.range(0, training.size()).boxed().toList();
        float[][] overall = features(classifier, training, Slices.pick(all, q.realPerSlice(),
                Seeds.derive(realSeed, "overall")));
        return SliceDistribution.of(attribute, classifier.extractor().id(), gen, readings, real, overall,
                new SliceDistribution.Options(q.minSize(), q.kidSubsets(), q.resamples(), q.fidResamples(), 0.95,
                        Seeds.derive(seed, "audit/quality/" + generator)));
    }

    /** Fills the same seeded holes in the configured images and breaks the fidelity down by {@code attribute}. */
    static Inpainted inpainting(AuditConfig.Inpainting in, String attribute, Path dir, SliceOptions o, int minSize) {
        Runs.Loaded loaded = GeneratorSamples.load(in.model());
        Inpainter inpainter = loaded.inpainter();
        RePaintOverrides repaint = Inpainting.takesSettings(inpainter)
                ? new RePaintOverrides(in.steps(), in.jumpLength(), in.jumpCount(), null, null) : RePaintOverrides.NONE;
        Filler filler = Inpainting.filler(inpainter, new FillRequest(null, null, false, repaint, false));
        InpaintingBenchmark.Settings settings = new InpaintingBenchmark.Settings(in.dataset(), in.n(), in.maskKind(),
                Seeds.derive(o.seed(), "audit/inpainting"), in.band());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("model", in.model());
        model.put("family", loaded.family());
        InpaintingBenchmark.Result r = InpaintingBenchmark.run(filler, settings, dir, model, done -> { });
        FidelitySlices slices = FidelitySlices.of(r.report(), dir.resolve("reference").resolve(ImageAttributes.FILE),
                List.of(attribute), o.withMinSize(minSize));
        return new Inpainted(in, loaded.checkpoint(), dir, InpaintingBenchmark.describe(filler), slices, r.meanHole(),
                r.seconds());
    }

    private static float[][] features(AuditClassifier classifier, ImageDataset data, List<Integer> indices) {
        List<Image> images = new ArrayList<>(indices.size());
        for (int i : indices) {
            images.add(data.get(i).image());
        }
        return classifier.features(images, data.id() + " image");
    }
}
