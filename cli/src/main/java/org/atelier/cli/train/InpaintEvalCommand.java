package org.atelier.cli.train;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.atelier.cli.diffusion.RePaintFlags;
import org.atelier.cli.metrics.FidelityCommand;
import org.atelier.core.errors.InvalidInputException;
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
import org.atelier.evaluation.fidelity.FidelityEvaluation;
import org.atelier.evaluation.fidelity.FidelityReport;
import org.atelier.models.Inpainter;
import org.atelier.models.diffusion.Condition;
import org.atelier.models.diffusion.ConditioningKind;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.models.diffusion.RePaintOptions;
import org.atelier.models.diffusion.TrajectoryRecorder;
import org.atelier.models.features.FmnistV1;
import org.atelier.training.Runs;
import org.atelier.training.publish.ModelSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code atelier inpaint-eval RUN --dataset fashion-mnist:test --n 128 --mask-kind thick --out-dir DIR}: fills
 * N images of a dataset through holes drawn by a mask generator, writes originals, masks and fills
 * as PNGs that pair by name ({@code reference/}, {@code masks/}, {@code filled/}; {@code preview.png}
 * shows the first 16 as original / masked / filled), and scores them
 * with {@code atelier metrics fidelity}'s evaluation (hole, seam band, whole image; by hole area).
 * One command so that two models are compared on the very same images and masks: both depend
 * only on the dataset, N, the mask kind and the seed.
 */
@Command(name = "inpaint-eval", mixinStandardHelpOptions = true,
        description = {"Inpaint N images of a dataset through drawn masks and score the fills (PSNR, SSIM, L1, MSE, "
                + "perceptual) on the hole, a seam band and the whole image.",
            "Writes DIR/reference, DIR/masks, DIR/filled (PNGs paired by name), DIR/preview.png (the first 16), "
                + "DIR/fidelity.json and DIR/inpaint-eval.json; the images and masks depend only on --dataset, --n, --mask-kind and --seed."})
public final class InpaintEvalCommand implements Callable<Integer> {
    /** Images handed to the model at once (RePaint walks all of them together). */
    static final int BATCH = 64;
    /** Images shown in preview.png, so that the scores are never read without looking at fills. */
    static final int PREVIEW = 16;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN",
            description = "A gan-inpaint or ddpm run folder, a checkpoint, a published model folder or name.")
    Path run;

    @Option(names = "--dataset", defaultValue = "fashion-mnist:test", paramLabel = "NAME",
            description = "Images to fill (atelier datasets list; default ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--n", defaultValue = "128", paramLabel = "N",
            description = "How many images, spread evenly over the dataset (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--mask-kind", defaultValue = "thick", paramLabel = "KIND",
            description = "Mask generator (atelier masks; default ${DEFAULT-VALUE}).")
    String maskKind;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the masks and of the fills (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--use-labels",
            description = "Class-conditional diffusion runs: condition each fill on the image's own class "
                    + "(an oracle the plain task does not have); default: unconditional.")
    boolean useLabels;

    @Option(names = "--band", defaultValue = "4", paramLabel = "PX",
            description = "Seam band width around the hole in pixels (default ${DEFAULT-VALUE}).")
    int band;

    @Option(names = "--out-dir", required = true, paramLabel = "DIR", description = "Where the images and scores go.")
    Path outDir;

    @Option(names = "--json", description = "Print the scores as JSON instead of a table.")
    boolean json;

    @Mixin
    RePaintFlags repaint = new RePaintFlags();

    @Override
    public Integer call() {
        if (n < 1 || n > 100_000) {
            throw new InvalidInputException("--n must be in [1, 100000], got " + n);
        }
        Runs.Loaded loaded = ModelSources.load(run);
        Inpainter inpainter = InpaintCommand.inpainterOf(loaded);
        DiffusionModel dm = loaded.model() instanceof DiffusionModel d ? d : null;
        if (dm == null && (repaint.any() || useLabels)) {
            throw new InvalidInputException("--steps, --jump-length, --jump-count, --eta, --guidance, --trajectory and "
                    + "--use-labels are for diffusion runs; " + loaded.dir().root() + " is a "
                    + loaded.config().model().familyId() + " run");
        }
        if (useLabels && dm.config().conditioning() != ConditioningKind.CLASS) {
            throw new InvalidInputException("--use-labels needs a class-conditional run; " + loaded.dir().root()
                    + " is conditioned on " + dm.config().conditioning().id());
        }
        ImageDataset data = DatasetCatalog.open(dataset, inpainter.height());
        if (data.height() != inpainter.height() || data.width() != inpainter.width()) {
            throw new InvalidInputException(dataset + " holds " + data.width() + "x" + data.height() + " images; "
                    + loaded.dir().root() + " inpaints " + inpainter.width() + "x" + inpainter.height());
        }
        if (n > data.size()) {
            throw new InvalidInputException("--n " + n + " is more than the " + data.size() + " images of " + dataset);
        }
        MaskGenerator masks = MaskKinds.parse(maskKind);
        RePaintOptions options = dm == null ? null : repaint.resolve(dm, useLabels);

        long start = System.nanoTime();
        double holeSum = 0;
        List<List<Image>> preview = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            List<Image> originals = new ArrayList<>();
            List<Mask> holes = new ArrayList<>();
            List<Condition> conditions = new ArrayList<>();
            for (int i = from; i < to; i++) {
                Sample s = data.get((int) ((long) i * data.size() / n));
                if (useLabels && !s.hasLabel()) {
                    throw new InvalidInputException(dataset + " has no class labels; --use-labels needs them");
                }
                originals.add(InpaintCommand.matchChannels(s.image(), inpainter.channels()));
                // one generator per image: image i's mask does not depend on N or on the batching
                Mask m = masks.generate(data.height(), data.width(), new SplittableRandom(Seeds.derive(seed, "mask/" + i)));
                holes.add(m);
                holeSum += m.holeFraction();
                conditions.add(dm == null ? null
                        : useLabels ? dm.conditionAt(s.label()) : dm.conditionSpace().nullCondition());
            }
            List<Image> filled = fill(inpainter, dm, options, originals, holes, conditions, from);
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
            System.err.printf("inpaint-eval: %d / %d images filled%n", to, n);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ImageFiles.writePng(ImageGrid.labelled(List.of(new ImageGrid.Row("original", preview.get(0)),
                new ImageGrid.Row("masked", preview.get(1)), new ImageGrid.Row("filled", preview.get(2))),
                preview.get(0).size(), 3, true), outDir.resolve("preview.png"));

        boolean fashionSized = inpainter.channels() == 1 && inpainter.height() == 28 && inpainter.width() == 28;
        FidelityReport report = FidelityEvaluation.run(outDir.resolve("reference"), outDir.resolve("filled"),
                outDir.resolve("masks"), band, false, fashionSized ? FmnistV1.load() : null);
        Json.write(outDir.resolve("fidelity.json"), report.toJson());
        Json.write(outDir.resolve("inpaint-eval.json"), settings(loaded, options, holeSum / n, seconds));

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(report.toJson()));
        } else {
            out.printf("%s on %d images of %s, '%s' masks (mean hole %.1f %%), %s; %.1f s%n", loaded.checkpoint(), n,
                    dataset, maskKind, 100 * holeSum / n, describe(options), seconds);
            out.print(FidelityCommand.table(report));
        }
        out.flush();
        return 0;
    }

    private List<Image> fill(Inpainter inpainter, DiffusionModel dm, RePaintOptions options, List<Image> originals,
                             List<Mask> holes, List<Condition> conditions, int first) {
        if (dm != null) {
            return dm.inpaint(originals, holes, conditions, options,
                    new SplittableRandom(Seeds.derive(seed, "repaint/" + first)), TrajectoryRecorder.off());
        }
        List<Image> out = new ArrayList<>();
        for (int k = 0; k < originals.size(); k++) {
            out.add(inpainter.inpaint(originals.get(k), holes.get(k),
                    new SplittableRandom(Seeds.derive(seed, "fill/" + (first + k)))));
        }
        return out;
    }

    private Map<String, Object> settings(Runs.Loaded loaded, RePaintOptions o, double meanHole, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", loaded.checkpoint().toString());
        m.put("family", loaded.config().model().familyId());
        m.put("dataset", dataset);
        m.put("n", n);
        m.put("mask_kind", maskKind);
        m.put("seed", seed);
        m.put("mean_hole_fraction", meanHole);
        m.put("conditioning", useLabels ? "own class" : "none");
        if (o != null) {
            m.put("repaint", Map.of("steps", o.steps(), "jump_length", o.jumpLength(), "jump_count", o.jumpCount(),
                    "eta", o.eta(), "guidance", o.guidance()));
        }
        m.put("seconds", seconds);
        return m;
    }

    private String describe(RePaintOptions o) {
        if (o == null) {
            return "one pass";
        }
        return String.format("RePaint %d steps, jumps of %d passed %d times, eta %s, %s", o.steps(), o.jumpLength(),
                o.jumpCount(), o.eta(), useLabels ? "own class at guidance " + o.guidance() : "unconditional");
    }
}
