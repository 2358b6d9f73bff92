package org.atelier.cli.evaluate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.atelier.core.io.Json;
import org.atelier.evaluation.fidelity.FidelityEvaluation;
import org.atelier.evaluation.fidelity.FidelityReport;
import org.atelier.evaluation.fidelity.FidelityTables;
import org.atelier.models.features.FmnistV1;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atelier metrics fidelity}: inpainting fidelity on the hole, the seam band and the whole image. */
@Command(name = "fidelity", mixinStandardHelpOptions = true,
        description = {"PSNR, SSIM, L1, MSE and an LPIPS-recipe perceptual distance (on fmnist-v1) of inpainted "
                + "images against their originals, on the hole, a seam band around it and the whole image.",
                "Files pair by name; mask images: white (> 127) = hole. Averages are over each region's pixels only."})
public final class FidelityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--reference", required = true, paramLabel = "DIR", description = "Original images.")
    Path reference;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Inpainted images.")
    Path output;

    @Option(names = "--masks", paramLabel = "DIR", description = "Masks (1 = hole); without them only the whole image is scored.")
    Path masks;

    @Option(names = "--band", defaultValue = "4", paramLabel = "PX",
            description = "Seam band width around the hole in pixels (default: ${DEFAULT-VALUE}).")
    int band;

    @Option(names = "--composite", description = "Paste the original outside the hole before scoring.")
    boolean composite;

    @Option(names = "--no-perceptual", description = "Skip the perceptual distance (no network is loaded).")
    boolean noPerceptual;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        FidelityReport report = FidelityEvaluation.run(reference, output, masks, band, composite,
                noPerceptual ? null : FmnistV1.load());
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.pretty(report.toJson()) + System.lineSeparator() : FidelityTables.of(report));
        out.flush();
        return 0;
    }
}
