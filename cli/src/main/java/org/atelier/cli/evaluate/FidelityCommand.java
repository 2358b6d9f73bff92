package org.atelier.cli.evaluate;

import org.atelier.cli.Required;
import org.atelier.cli.OldSpellings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.atelier.evaluation.audit.FidelitySlices;
import org.atelier.evaluation.audit.ImageAttributes;
import org.atelier.core.io.Json;
import org.atelier.evaluation.fidelity.FidelityEvaluation;
import org.atelier.evaluation.fidelity.FidelityReport;
import org.atelier.evaluation.fidelity.FidelityTables;
import org.atelier.models.features.FmnistV1;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atelier metrics fidelity}: inpainting fidelity on the hole, the seam band and the whole image. */
@Command(name = "fidelity", mixinStandardHelpOptions = true,
        description = {"PSNR, SSIM, L1, MSE and an LPIPS-recipe perceptual distance (on fmnist-v1) of inpainted "
                + "images against their originals, on the hole, a seam band around it and the whole image.",
                "Files pair by name; mask images: white (> 127) = hole. Averages are over each region's pixels only.",
                "Scores are on intensities in [0, 1] (data range 1), SSIM as scikit-image's structural_similarity "
                        + "with gaussian_weights=True, sigma=1.5, use_sample_covariance=False (colour: mean over channels)."})
public final class FidelityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--reference", required = true, paramLabel = "DIR", description = "Original images.")
    Path reference;

    @Option(names = "--filled", paramLabel = "DIR", description = "The inpainted images (the fills being scored).")
    Path filled;

    @Option(names = "--output", hidden = true, paramLabel = "DIR")
    void oldOutput(Path v) {
        filled = OldSpellings.use("--output", "--filled", v);
    }

    @Option(names = "--masks", paramLabel = "DIR", description = "Masks (1 = hole); without them only the whole image is scored.")
    Path masks;

    @Option(names = "--band", defaultValue = "4", paramLabel = "PX",
            description = "Seam band width around the hole in pixels (default: ${DEFAULT-VALUE}).")
    int band;

    @Option(names = "--composite", description = "Paste the original outside the hole before scoring.")
    boolean composite;

    @Option(names = "--no-perceptual", description = "Skip the perceptual distance (no network is loaded).")
    boolean noPerceptual;

    @Option(names = "--attributes", paramLabel = "CSV",
            description = "With --by: a manifest of the images' attributes (a 'path' column with the file names, one "
                    + "column per attribute); default REFERENCE/manifest.csv, which atelier inpaint-eval writes.")
    Path attributes;

    @Option(names = "--seed", defaultValue = "0", description = "With --by: seed of the bootstrap resamples (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    SliceFlags slices = new SliceFlags();

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        Required.given("--filled", filled);
        FidelityReport report = FidelityEvaluation.run(reference, filled, masks, band, composite,
                noPerceptual ? null : FmnistV1.load());
        FidelitySlices bySlice = !slices.any() ? null : FidelitySlices.of(report,
                attributes != null ? attributes : reference.resolve(ImageAttributes.FILE), slices.by, slices.options(seed));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>(report.toJson());
            if (bySlice != null) {
                m.put("by_slice", bySlice.toJson());
            }
            out.println(Json.pretty(m));
        } else {
            out.print(FidelityTables.of(report));
            if (bySlice != null) {
                out.print(System.lineSeparator() + bySlice.table());
            }
        }
        out.flush();
        return 0;
    }
}
