package org.atelier.cli.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.io.Json;
import org.atelier.evaluation.fidelity.PairedComparison;
import org.atelier.evaluation.fidelity.Region;
import org.atelier.evaluation.fidelity.RegionScores;
import org.atelier.evaluation.fidelity.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code atelier metrics compare A B}: two fidelity evaluations of the same images under the same
 * masks (two {@code inpaint-eval} runs with the same --dataset, --n, --mask-kind and --seed, or two
 * {@code metrics fidelity --json} outputs), compared image by image: B − A per metric and region
 * with a bootstrap 95 % interval and a paired t-test ({@link PairedComparison}).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two inpainting evaluations image by image: the mean difference B - A of every "
                + "metric on the hole, the seam band and the whole image, with a bootstrap 95 %% interval and a "
                + "paired t-test p-value.",
                "A and B are folders holding fidelity.json (atelier inpaint-eval) or the JSON files themselves "
                        + "(atelier metrics fidelity --json); they must score the same image names with the same holes."})
public final class CompareCommand implements Callable<Integer> {
    /** Metrics where a larger value is the better one; the others are distances. */
    private static final Set<String> HIGHER_IS_BETTER = Set.of("psnr", "ssim");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The baseline evaluation (folder or fidelity JSON).")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "The evaluation compared against A.")
    Path b;

    @Option(names = "--resamples", defaultValue = "10000",
            description = "Bootstrap resamples, 100..1000000 (default ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the bootstrap (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        if (resamples < 100 || resamples > 1_000_000) {
            throw new InvalidInputException("--resamples must be in 100..1000000, got " + resamples);
        }
        Path fileA = fidelityFile(a);
        Path fileB = fidelityFile(b);
        JsonNode rootA = read(fileA);
        JsonNode rootB = read(fileB);
        String scale = sameScale(fileA, rootA, fileB, rootB);
        Map<String, JsonNode> imagesA = perImage(fileA, rootA);
        Map<String, JsonNode> imagesB = perImage(fileB, rootB);
        checkPaired(fileA, imagesA, fileB, imagesB);
        Map<String, Map<String, PairedComparison>> byRegion = new LinkedHashMap<>();
        for (Region region : Region.values()) {
            Map<String, PairedComparison> byMetric = new LinkedHashMap<>();
            for (String metric : RegionScores.METRICS) {
                double[] x = scores(imagesA, region, metric);
                double[] y = scores(imagesB, region, metric);
                if (Summary.of(x).count() == 0 || Summary.of(y).count() == 0) {
                    continue; // not scored (no masks, or no perceptual network)
                }
                byMetric.put(metric, PairedComparison.of(x, y, resamples, seed));
            }
            if (!byMetric.isEmpty()) {
                byRegion.put(region.key(), byMetric);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("a", fileA.toString());
            m.put("b", fileB.toString());
            m.put("images", imagesA.size());
            m.put("intensities", scale);
            m.put("seed", seed);
            Map<String, Object> regions = new LinkedHashMap<>();
            byRegion.forEach((r, metrics) -> {
                Map<String, Object> mm = new LinkedHashMap<>();
                metrics.forEach((k, c) -> mm.put(k, c.toJson()));
                regions.put(r, mm);
            });
            m.put("b_minus_a", regions);
            out.println(Json.pretty(m));
        } else {
            out.print(table(fileA, fileB, imagesA.size(), scale, byRegion));
        }
        out.flush();
        return 0;
    }

    private String table(Path fileA, Path fileB, int n, String scale,
                         Map<String, Map<String, PairedComparison>> byRegion) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "A: %s%nB: %s%n%d images paired by name, same holes, scored on %s "
                + "intensities; B - A with a %d-resample bootstrap 95 %% interval (seed %d) and a two-sided paired "
                + "t-test%n", fileA, fileB, n, scale, resamples, seed));
        s.append(String.format(Locale.ROOT, "%-6s %-10s %10s %10s %10s %22s %9s  %s%n", "region", "metric", "A", "B",
                "B - A", "95 % interval", "p", "verdict"));
        byRegion.forEach((region, metrics) -> metrics.forEach((metric, c) -> s.append(c.n() == 0
                ? String.format(Locale.ROOT, "%-6s %-10s not finite in any pair (e.g. an identical region's PSNR)%n",
                        region, metric)
                : String.format(Locale.ROOT,
                "%-6s %-10s %10.4f %10.4f %+10.4f %22s %9s  %s%s%n", region, metric, c.meanA(), c.meanB(), c.meanDiff(),
                String.format(Locale.ROOT, "[%+.4f, %+.4f]", c.ciLow(), c.ciHigh()),
                Double.isNaN(c.pValue()) ? "n/a" : String.format(Locale.ROOT, "%.2g", c.pValue()), verdict(metric, c),
                c.excluded() > 0 ? " (" + c.excluded() + " pairs not finite, left out)" : ""))));
        return s.toString();
    }

    /** Which side is better, said only when the interval excludes zero. */
    private static String verdict(String metric, PairedComparison c) {
        if (!c.intervalExcludesZero()) {
            return "no difference shown";
        }
        boolean bHigher = c.meanDiff() > 0;
        return (bHigher == HIGHER_IS_BETTER.contains(metric) ? "B" : "A") + " better";
    }

    /** A folder's fidelity.json, or the given file. */
    private static Path fidelityFile(Path p) {
        Path f = Files.isDirectory(p) ? p.resolve("fidelity.json") : p;
        if (!Files.isRegularFile(f)) {
            throw new InvalidInputException(f + ": not found; expected a folder written by atelier inpaint-eval "
                    + "(holding fidelity.json) or the output of atelier metrics fidelity --json");
        }
        return f;
    }

    private static JsonNode read(Path file) {
        try {
            return Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new CorruptFileException(file, "is not readable JSON: " + e.getMessage());
        }
    }

    /**
     * The intensity scale both evaluations were scored on: SSIM, L1 and MSE differ between scales,
     * so scores from before SSIM moved to [0, 1] (files without {@code scale}, which were scored on
     * [-1, 1]) are not paired with newer ones.
     */
    private static String sameScale(Path fileA, JsonNode a, Path fileB, JsonNode b) {
        String sa = scaleOf(a);
        String sb = scaleOf(b);
        if (!sa.equals(sb)) {
            throw new InvalidInputException("the two evaluations were scored on different intensity scales: " + sa
                    + " in " + fileA + ", " + sb + " in " + fileB + " (SSIM, L1 and MSE are not comparable across "
                    + "them); score the older one again with atelier metrics fidelity --json");
        }
        return sa;
    }

    private static String scaleOf(JsonNode root) {
        return root == null ? "[-1, 1]" : root.path("scale").path("intensities").asText("[-1, 1]");
    }

    /** The per-image scores by image name. */
    private static Map<String, JsonNode> perImage(Path file, JsonNode root) {
        JsonNode list = root == null ? null : root.get("per_image");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new CorruptFileException(file, "has no per_image scores; expected fidelity JSON from atelier "
                    + "inpaint-eval or atelier metrics fidelity --json");
        }
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode img : list) {
            String name = img.path("name").asText("");
            if (name.isEmpty() || out.put(name, img) != null) {
                throw new CorruptFileException(file, "per_image holds an entry without a name or a name twice ('"
                        + name + "')");
            }
        }
        return out;
    }

    /** The two evaluations must score the same images under the same holes, or the pairing means nothing. */
    private static void checkPaired(Path fileA, Map<String, JsonNode> a, Path fileB, Map<String, JsonNode> b) {
        if (!a.keySet().equals(b.keySet())) {
            List<String> onlyA = new ArrayList<>(a.keySet());
            onlyA.removeAll(b.keySet());
            List<String> onlyB = new ArrayList<>(b.keySet());
            onlyB.removeAll(a.keySet());
            throw new InvalidInputException("the two evaluations score different images (" + a.size() + " in "
                    + fileA + ", " + b.size() + " in " + fileB + "; only in A: " + first(onlyA) + ", only in B: "
                    + first(onlyB) + "); compare runs made with the same --dataset and --n");
        }
        for (Map.Entry<String, JsonNode> e : a.entrySet()) {
            double ha = e.getValue().path("hole_fraction").asDouble(Double.NaN);
            double hb = b.get(e.getKey()).path("hole_fraction").asDouble(Double.NaN);
            boolean same = Double.isNaN(ha) ? Double.isNaN(hb) : Math.abs(ha - hb) < 1e-12;
            if (!same) {
                throw new InvalidInputException("the two evaluations used different masks: " + e.getKey()
                        + " has a hole of " + ha + " in " + fileA + " and " + hb + " in " + fileB
                        + "; compare runs made with the same --mask-kind and --seed");
            }
        }
    }

    private static double[] scores(Map<String, JsonNode> images, Region region, String metric) {
        double[] v = new double[images.size()];
        int i = 0;
        for (JsonNode img : images.values()) {
            JsonNode x = img.path(region.key()).path(metric);
            // absent or null: not scored (NaN); "Infinity" is how the project writes a perfect PSNR
            v[i++] = x.isMissingNode() || x.isNull() ? Double.NaN : x.asDouble(Double.NaN);
        }
        return v;
    }

    private static String first(List<String> names) {
        return names.isEmpty() ? "none" : names.size() <= 3 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + " … (" + names.size() + ")";
    }
}
