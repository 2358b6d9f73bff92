package org.atelier.cli.evaluate;

import org.atelier.cli.Required;
import org.atelier.cli.OldSpellings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.atelier.cli.generate.DiffusionOnly;
import org.atelier.cli.generate.RePaintFlags;
import org.atelier.core.io.Json;
import org.atelier.evaluation.audit.FidelitySlices;
import org.atelier.evaluation.audit.ImageAttributes;
import org.atelier.evaluation.fidelity.FidelityTables;
import org.atelier.evaluation.fidelity.InpaintingBenchmark;
import org.atelier.models.Inpainter;
import org.atelier.models.sampling.FillRequest;
import org.atelier.models.sampling.Filler;
import org.atelier.models.sampling.Inpainting;
import org.atelier.training.Runs;
import org.atelier.training.publish.ModelSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code atelier inpaint-eval RUN --dataset fashion-mnist:test --n 128 --mask-kind thick --out DIR}: fills
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
                + "DIR/fidelity.json and DIR/inpaint-eval.json; the images and masks depend only on --dataset, --n, --mask-kind and --seed.",
            "The images' class and attributes go to DIR/reference/manifest.csv; --by breaks the scores down by them."})
public final class InpaintEvalCommand implements Callable<Integer> {
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

    @Option(names = "--feather", defaultValue = "0", paramLabel = "SIGMA",
            description = "Feathered blending: composite each fill through the hole blurred with this sigma in pixels "
                    + "before scoring (0: none, the default); the change shows on the seam band.")
    double feather;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the images and scores go.")
    Path out;

    @Option(names = "--out-dir", hidden = true, paramLabel = "DIR")
    void oldOutDir(Path v) {
        out = OldSpellings.use("--out-dir", "--out", v);
    }

    @Option(names = "--json", description = "Print the scores as JSON instead of a table.")
    boolean json;

    @Mixin
    RePaintFlags repaint = new RePaintFlags();

    @Mixin
    SliceFlags slices = new SliceFlags();

    @Override
    public Integer call() {
        Required.given("--out", out);
        InpaintingBenchmark.Settings settings = new InpaintingBenchmark.Settings(dataset, n, maskKind, seed, band,
                feather);
        Runs.Loaded loaded = ModelSources.load(run);
        Inpainter inpainter = loaded.inpainter();
        DiffusionOnly.refuseUnless(Inpainting.takesSettings(inpainter), repaint.any() || useLabels,
                "--steps, --jump-length, --jump-count, --eta, --guidance, --trajectory and --use-labels", loaded);
        Filler filler = Inpainting.filler(inpainter, new FillRequest(null, null, useLabels, repaint.overrides(), false));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("model", loaded.checkpoint().toString());
        model.put("family", loaded.family());
        InpaintingBenchmark.Result r = InpaintingBenchmark.run(filler, settings, out, model,
                filled -> System.err.printf("inpaint-eval: %d / %d images filled%n", filled, n));
        FidelitySlices bySlice = !slices.any() ? null : FidelitySlices.of(r.report(),
                this.out.resolve("reference").resolve(ImageAttributes.FILE), slices.by, slices.options(seed));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>(r.report().toJson());
            if (bySlice != null) {
                m.put("by_slice", bySlice.toJson());
            }
            out.println(Json.pretty(m));
        } else {
            out.printf("%s on %d images of %s, '%s' masks (mean hole %.1f %%), %s; %.1f s%n", loaded.checkpoint(), n,
                    dataset, maskKind, 100 * r.meanHole(), InpaintingBenchmark.describe(filler), r.seconds());
            out.print(FidelityTables.of(r.report()));
            if (bySlice != null) {
                out.print(System.lineSeparator() + bySlice.table());
            }
        }
        out.flush();
        return 0;
    }
}
