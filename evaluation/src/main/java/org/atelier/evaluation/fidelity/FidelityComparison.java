package org.atelier.evaluation.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.errors.InvalidSettingException;
import org.atelier.core.io.Json;

/**
 * Two fidelity evaluations of the same images under the same masks (two {@code inpaint-eval}
 * folders with the same dataset, N, mask kind and seed, or two {@code metrics fidelity --json}
 * files), compared image by image: B − A per region and metric with a bootstrap interval and a
 * paired t-test ({@link PairedComparison}). It refuses evaluations of other images or other holes,
 * where the pairing would mean nothing.
 *
 * @param a        A's fidelity JSON (the baseline)
 * @param b        B's fidelity JSON
 * @param images   images paired by name
 * @param seed     bootstrap seed
 * @param resamples bootstrap resamples
 * @param byRegion region key → metric → comparison, in {@link Region} and {@link RegionScores#METRICS} order;
 *                 metrics scored on neither side are left out
 */
public record FidelityComparison(Path a, Path b, int images, long seed, int resamples,
                                 Map<String, Map<String, PairedComparison>> byRegion) {
    /** Metrics where a larger value is the better one; the others are distances. */
    public static final Set<String> HIGHER_IS_BETTER = Set.of("psnr", "ssim");
    public static final int MIN_RESAMPLES = 100;
    public static final int MAX_RESAMPLES = 1_000_000;

    /**
     * @param a a folder holding {@code fidelity.json} or the JSON file itself; likewise {@code b}
     * @throws InvalidInputException    missing files, or evaluations of other images or other holes
     * @throws CorruptFileException     a file that is not fidelity JSON
     * @throws InvalidSettingException  resamples out of range
     */
    public static FidelityComparison of(Path a, Path b, int resamples, long seed) {
        if (resamples < MIN_RESAMPLES || resamples > MAX_RESAMPLES) {
            throw new InvalidSettingException("resamples", "must be in " + MIN_RESAMPLES + ".." + MAX_RESAMPLES
                    + ", got " + resamples);
        }
        Path fileA = fidelityFile(a);
        Path fileB = fidelityFile(b);
        Map<String, JsonNode> imagesA = perImage(fileA);
        Map<String, JsonNode> imagesB = perImage(fileB);
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
        return new FidelityComparison(fileA, fileB, imagesA.size(), seed, resamples, byRegion);
    }

    /** Which side is better, said only when the interval excludes zero. */
    public static String verdict(String metric, PairedComparison c) {
        if (!c.intervalExcludesZero()) {
            return "no difference shown";
        }
        boolean bHigher = c.meanDiff() > 0;
        return (bHigher == HIGHER_IS_BETTER.contains(metric) ? "B" : "A") + " better";
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", a.toString());
        m.put("b", b.toString());
        m.put("images", images);
        m.put("seed", seed);
        Map<String, Object> regions = new LinkedHashMap<>();
        byRegion.forEach((r, metrics) -> {
            Map<String, Object> mm = new LinkedHashMap<>();
            metrics.forEach((k, c) -> mm.put(k, c.toJson()));
            regions.put(r, mm);
        });
        m.put("b_minus_a", regions);
        return m;
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

    /** The per-image scores by image name. */
    private static Map<String, JsonNode> perImage(Path file) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new CorruptFileException(file, "is not readable JSON: " + e.getMessage());
        }
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
