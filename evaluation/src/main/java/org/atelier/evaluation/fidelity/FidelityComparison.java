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
 * paired t-test ({@link PairedComparison}), judged as one family ({@link CorrectedComparisons}:
 * Holm across the whole table, a verdict only where the corrected result excludes zero). It refuses
 * evaluations of other images or other holes, where the pairing would mean nothing.
 *
 * @param a        A's fidelity JSON (the baseline)
 * @param b        B's fidelity JSON
 * @param images   images paired by name
 * @param scale    the intensity scale both were scored on ({@link ScoreScale}; "[-1, 1]" for files written before it)
 * @param seed     bootstrap seed
 * @param resamples bootstrap resamples
 * @param rows     one row per region and metric, in {@link Region} and {@link RegionScores#METRICS} order;
 *                 metrics scored on neither side are left out
 */
public record FidelityComparison(Path a, Path b, int images, String scale, long seed, int resamples,
                                 List<CorrectedComparisons.Judged> rows) {
    /** Metrics where a larger value is the better one; the others are distances. */
    public static final Set<String> HIGHER_IS_BETTER = Set.of("psnr", "ssim");
    public static final int MIN_RESAMPLES = 100;
    public static final int MAX_RESAMPLES = 1_000_000;

    public FidelityComparison {
        rows = List.copyOf(rows);
    }

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
        JsonNode rootA = read(fileA);
        JsonNode rootB = read(fileB);
        String scale = sameScale(fileA, rootA, fileB, rootB);
        Map<String, JsonNode> imagesA = perImage(fileA, rootA);
        Map<String, JsonNode> imagesB = perImage(fileB, rootB);
        checkPaired(fileA, imagesA, fileB, imagesB);
        List<CorrectedComparisons.Row> rows = new ArrayList<>();
        for (Region region : Region.values()) {
            for (String metric : RegionScores.METRICS) {
                double[] x = scores(imagesA, region, metric);
                double[] y = scores(imagesB, region, metric);
                if (Summary.of(x).count() == 0 || Summary.of(y).count() == 0) {
                    continue; // not scored (no masks, or no perceptual network)
                }
                rows.add(new CorrectedComparisons.Row(region.key(), metric, HIGHER_IS_BETTER.contains(metric), x, y));
            }
        }
        return new FidelityComparison(fileA, fileB, imagesA.size(), scale, seed, resamples,
                CorrectedComparisons.judge(rows, resamples, seed));
    }

    /** The row of one region and metric, or null when it was not scored. */
    public CorrectedComparisons.Judged row(String region, String metric) {
        return rows.stream().filter(r -> r.key().equals(region) && r.metric().equals(metric)).findFirst().orElse(null);
    }

    /** A warning when there are too few images for the intervals to be more than rough; empty otherwise. */
    public String smallNWarning() {
        return images < CorrectedComparisons.SMALL_N ? "only " + images + " images: with fewer than "
                + CorrectedComparisons.SMALL_N + " the bootstrap intervals are too narrow and the t-test leans on "
                + "normality; evaluate more images (--n) before reading the verdicts" : "";
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", a.toString());
        m.put("b", b.toString());
        m.put("images", images);
        m.put("intensities", scale);
        m.put("seed", seed);
        m.put("correction", "holm across " + rows.size() + " tests; verdict where p_holm <= "
                + CorrectedComparisons.ALPHA + " and the simultaneous interval excludes 0");
        Map<String, Object> regions = new LinkedHashMap<>();
        for (CorrectedComparisons.Judged r : rows) {
            @SuppressWarnings("unchecked")
            Map<String, Object> mm = (Map<String, Object>) regions.computeIfAbsent(r.key(), k -> new LinkedHashMap<>());
            mm.put(r.metric(), r.toJson());
        }
        m.put("b_minus_a", regions);
        if (!smallNWarning().isEmpty()) {
            m.put("warning", smallNWarning());
        }
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
