package org.atelier.cli.metrics;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.atelier.core.io.Json;
import org.atelier.evaluation.fidelity.FidelityEvaluation;
import org.atelier.evaluation.fidelity.FidelityReport;
import org.atelier.evaluation.fidelity.Region;
import org.atelier.evaluation.fidelity.RegionScores;
import org.atelier.evaluation.fidelity.ScoreScale;
import org.atelier.evaluation.fidelity.Summary;
import org.atelier.models.features.FmnistV1;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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
        if (json) {
            out.println(Json.pretty(report.toJson()));
        } else {
            out.print(table(report));
        }
        out.flush();
        return 0;
    }

    /** The scores as a text table (also used by {@code atelier inpaint-eval}). */
    public static String table(FidelityReport r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%d %s images; %s; band %d px; perceptual network: %s%n", r.images().size(),
                r.imageKind(),
                r.composited() ? "composited (original pasted outside the hole)" : "not composited (raw output scored)",
                r.bandPx(), r.perceptualNetwork()));
        s.append(ScoreScale.line()).append(System.lineSeparator());
        s.append(String.format(Locale.ROOT, "%-7s", "region"));
        for (String m : RegionScores.METRICS) {
            s.append(String.format(Locale.ROOT, " %18s", m));
        }
        s.append(System.lineSeparator());
        for (Region region : Region.values()) {
            Map<String, Summary> m = r.overall().get(region);
            if (m == null) {
                continue;
            }
            s.append(String.format(Locale.ROOT, "%-7s", region.key()));
            for (String metric : RegionScores.METRICS) {
                Summary x = m.get(metric);
                s.append(String.format(Locale.ROOT, " %18s", cell(x)));
            }
            s.append(System.lineSeparator());
        }
        if (!r.bins().isEmpty()) {
            s.append(String.format(Locale.ROOT, "%nby hole area (hole region): %-8s %6s %10s %8s %11s%n", "bin", "images",
                    "psnr", "ssim", "perceptual"));
            for (FidelityReport.AreaBin b : r.bins()) {
                Map<String, Summary> h = b.scores().get(Region.HOLE);
                s.append(String.format(Locale.ROOT, "%27s %-8s %6d %10s %8s %11s%n", "", b.name(), b.images(),
                        fmt(h, "psnr"), fmt(h, "ssim"), fmt(h, "perceptual")));
            }
        }
        return s.toString();
    }

    /** mean ± std; a PSNR of identical pixels is infinite, which says more as words than as "Infinity ± NaN". */
    private static String cell(Summary x) {
        if (x.count() == 0) {
            return "n/a";
        }
        if (Double.isInfinite(x.mean())) {
            return "inf (identical)";
        }
        return String.format(Locale.ROOT, "%.4f ± %.4f", x.mean(), x.std());
    }

    private static String fmt(Map<String, Summary> m, String metric) {
        if (m == null || m.get(metric).count() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.4f", m.get(metric).mean());
    }
}
