package org.atelier.evaluation.fidelity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.errors.InvalidSettingException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.core.image.ImageGrid;
import org.atelier.core.io.Json;
import org.atelier.core.random.Seeds;
import org.atelier.datasets.DatasetCatalog;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Sample;
import org.atelier.datasets.masks.Mask;
import org.atelier.datasets.masks.MaskFiles;
import org.atelier.datasets.masks.MaskGenerator;
import org.atelier.datasets.masks.MaskKinds;
import org.atelier.evaluation.audit.ImageAttributes;
import org.atelier.models.Inpainter;
import org.atelier.models.diffusion.RePaintOptions;
import org.atelier.models.features.FmnistV1;
import org.atelier.models.sampling.Filler;

/**
 * Scores an inpainter on a dataset: N images spread evenly over it, each with a hole drawn from
 * the seed and the image's index only — so two models, or two settings of one, are scored on the
 * very same images and holes — filled in batches, written as PNGs that pair by name
 * ({@code reference/}, {@code masks/}, {@code filled/}; {@code preview.png} shows the first 16 as
 * original / masked / filled), and scored by {@link FidelityEvaluation} on the hole, a seam band
 * and the whole image ({@code fidelity.json}; the settings go to {@code inpaint-eval.json}). The
 * images' attributes and class go to {@code reference/manifest.csv} ({@link ImageAttributes}), so
 * the scores can be broken down by slice.
 */
public final class InpaintingBenchmark {
    /** Images handed to the model at once (RePaint walks all of them together). */
    public static final int BATCH = 64;
    /** Images shown in preview.png, so that the scores are never read without looking at fills. */
    public static final int PREVIEW = 16;
    /** Most images one benchmark fills. */
    public static final int MAX_IMAGES = 100_000;

    private InpaintingBenchmark() {
    }

    /**
     * @param dataset  a dataset name as {@link DatasetCatalog} takes it (e.g. {@code fashion-mnist:test})
     * @param n        images, spread evenly over the dataset, 1..{@value #MAX_IMAGES}
     * @param maskKind a mask kind as {@link MaskKinds} parses it (e.g. {@code thick})
     * @param seed     seed of the holes and of the fills
     * @param band     seam band width around the hole, in pixels
     * @param feather  σ in pixels of {@link Feathering} applied to every fill before scoring; 0 for none
     */
    public record Settings(String dataset, int n, String maskKind, long seed, int band, double feather) {
        public Settings {
            if (n < 1 || n > MAX_IMAGES) {
                throw new InvalidSettingException("n", "must be in [1, " + MAX_IMAGES + "], got " + n);
            }
            if (!(feather >= 0 && feather <= 16)) {
                throw new InvalidSettingException("feather", "must be a blur sigma in [0, 16] pixels, got " + feather);
            }
        }

        /** Without feathering. */
        public Settings(String dataset, int n, String maskKind, long seed, int band) {
            this(dataset, n, maskKind, seed, band, 0);
        }
    }

    /**
     * @param report    the scores
     * @param meanHole  mean hole fraction over the images
     * @param seconds   wall time of filling and writing (scoring excluded)
     * @param settings  what inpaint-eval.json holds
     */
    public record Result(FidelityReport report, double meanHole, double seconds, Map<String, Object> settings) {
    }

    /**
     * @param model    what inpaint-eval.json says filled the holes: e.g. {@code model} (a checkpoint path)
     *                 and {@code family}, in that order
     * @param progress told the number of images filled so far after each batch
     */
    public static Result run(Filler filler, Settings s, Path outDir, Map<String, Object> model, IntConsumer progress) {
        Inpainter inpainter = filler.inpainter();
        ImageDataset data = DatasetCatalog.open(s.dataset(), inpainter.height());
        if (data.height() != inpainter.height() || data.width() != inpainter.width()) {
            throw new InvalidInputException(s.dataset() + " holds " + data.width() + "x" + data.height() + " images; "
                    + "the model inpaints " + inpainter.width() + "x" + inpainter.height());
        }
        if (s.n() > data.size()) {
            throw new InvalidSettingException("n", s.n() + " is more than the " + data.size() + " images of " + s.dataset());
        }
        MaskGenerator masks = MaskKinds.parse(s.maskKind());
        long start = System.nanoTime();
        double holeSum = 0;
        List<List<Image>> preview = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<Integer> indices = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int from = 0; from < s.n(); from += BATCH) {
            int to = Math.min(s.n(), from + BATCH);
            List<Image> originals = new ArrayList<>();
            List<Mask> holes = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            for (int i = from; i < to; i++) {
                int index = (int) ((long) i * data.size() / s.n());
                Sample sample = data.get(index);
                indices.add(index);
                names.add(String.format("%05d.png", i));
                if (filler.useLabels() && !sample.hasLabel()) {
                    throw new InvalidSettingException("use_labels", "needs class labels; " + s.dataset() + " has none");
                }
                originals.add(sample.image().withChannels(inpainter.channels()));
                // one generator per image: image i's mask does not depend on N or on the batching
                Mask m = masks.generate(data.height(), data.width(), new SplittableRandom(Seeds.derive(s.seed(), "mask/" + i)));
                holes.add(m);
                holeSum += m.holeFraction();
                labels.add(sample.label());
            }
            List<Image> filled = new ArrayList<>(fill(filler, originals, holes, labels, s.seed(), from));
            if (s.feather() > 0) {
                // the known image outside the hole is the original; inside it, α = 1 keeps only the fill
                for (int k = 0; k < filled.size(); k++) {
                    filled.set(k, Feathering.blend(originals.get(k), filled.get(k), holes.get(k), s.feather()));
                }
            }
            for (int k = 0; k < filled.size(); k++) {
                String name = String.format("%05d.png", from + k);
                ImageFiles.writePng(originals.get(k), outDir.resolve("reference").resolve(name));
                MaskFiles.write(holes.get(k), outDir.resolve("masks").resolve(name));
                ImageFiles.writePng(filled.get(k), outDir.resolve("filled").resolve(name));
                if (from + k < PREVIEW) {
                    preview.get(0).add(originals.get(k));
                    preview.get(1).add(holes.get(k).greyOut(originals.get(k)));
                    preview.get(2).add(filled.get(k));
                }
            }
            progress.accept(to);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ImageAttributes.write(outDir.resolve("reference"), data, indices, names);
        ImageFiles.writePng(ImageGrid.labelled(List.of(new ImageGrid.Row("original", preview.get(0)),
                new ImageGrid.Row("masked", preview.get(1)), new ImageGrid.Row("filled", preview.get(2))),
                preview.get(0).size(), 3, true), outDir.resolve("preview.png"));

        boolean fashionSized = inpainter.channels() == 1 && inpainter.height() == 28 && inpainter.width() == 28;
        FidelityReport report = FidelityEvaluation.run(outDir.resolve("reference"), outDir.resolve("filled"),
                outDir.resolve("masks"), s.band(), false, fashionSized ? FmnistV1.load() : null);
        Map<String, Object> settings = settings(filler, s, model, holeSum / s.n(), seconds);
        Json.write(outDir.resolve("fidelity.json"), report.toJson());
        Json.write(outDir.resolve("inpaint-eval.json"), settings);
        return new Result(report, holeSum / s.n(), seconds, settings);
    }

    /**
     * A batch of fills: RePaint batches draw from the seed's stream for the batch's first index, one-pass
     * fills from the stream of each image's index, so that image i's fill depends on the seed and i alone.
     */
    private static List<Image> fill(Filler filler, List<Image> originals, List<Mask> holes, List<Integer> labels,
                                    long seed, int first) {
        if (filler.batched()) {
            return filler.fillBatch(originals, holes, labels, new SplittableRandom(Seeds.derive(seed, "repaint/" + first)));
        }
        List<Image> out = new ArrayList<>();
        for (int k = 0; k < originals.size(); k++) {
            out.add(filler.fillEach(originals.get(k), holes.get(k),
                    new SplittableRandom(Seeds.derive(seed, "fill/" + (first + k)))));
        }
        return out;
    }

    private static Map<String, Object> settings(Filler filler, Settings s, Map<String, Object> model, double meanHole,
                                                double seconds) {
        Map<String, Object> m = new LinkedHashMap<>(model);
        m.put("dataset", s.dataset());
        m.put("n", s.n());
        m.put("mask_kind", s.maskKind());
        m.put("seed", s.seed());
        m.put("feather_sigma", s.feather());
        m.put("mean_hole_fraction", meanHole);
        m.put("conditioning", filler.useLabels() ? "own class" : "none");
        RePaintOptions o = filler.options();
        if (o != null) {
            m.put("repaint", Map.of("steps", o.steps(), "jump_length", o.jumpLength(), "jump_count", o.jumpCount(),
                    "eta", o.eta(), "guidance", o.guidance()));
        }
        m.put("seconds", seconds);
        return m;
    }

    /** How the holes were filled, in words: "one pass", or RePaint's schedule and conditioning. */
    public static String describe(Filler filler) {
        RePaintOptions o = filler.options();
        if (o == null) {
            return "one pass";
        }
        return String.format("RePaint %d steps, jumps of %d passed %d times, eta %s, %s", o.steps(), o.jumpLength(),
                o.jumpCount(), o.eta(), filler.useLabels() ? "own class at guidance " + o.guidance() : "unconditional");
    }
}
