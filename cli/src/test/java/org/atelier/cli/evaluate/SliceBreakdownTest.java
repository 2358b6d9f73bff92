package org.atelier.cli.evaluate;

import static org.atelier.cli.MainTestAccess.fails;
import static org.atelier.cli.MainTestAccess.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.atelier.cli.MainTestAccess;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.core.io.Json;
import org.atelier.datasets.manifest.CsvTable;
import org.atelier.training.TinyRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --by} on {@code metrics fidelity} and {@code inpaint-eval}: per-image scores joined with attributes. */
class SliceBreakdownTest {
    private static final List<String> PER_SLICE = List.of("n", "mean", "ci_low", "ci_high", "difference", "ratio",
            "p_adjusted");

    /** 40 grey images; the fills of group "b" are noisier (a planted fidelity gap); a manifest names each group. */
    private static Path folders(Path dir) throws Exception {
        Path ref = Files.createDirectories(dir.resolve("ref"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Path masks = Files.createDirectories(dir.resolve("masks"));
        SplittableRandom rng = new SplittableRandom(9);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Image r = Image.blank(1, 16, 16, 0f);
            Image o = Image.blank(1, 16, 16, 0f);
            float[] m = new float[16 * 16];
            java.util.Arrays.fill(m, -1f);
            double noise = i % 2 == 0 ? 0.1 : 0.4;
            for (int y = 4; y < 12; y++) {
                for (int x = 4; x < 12; x++) {
                    m[y * 16 + x] = 1f;
                    o.set(0, y, x, (float) (noise * rng.nextGaussian()));
                }
            }
            String name = String.format("img%02d.png", i);
            ImageFiles.writePng(r, ref.resolve(name));
            ImageFiles.writePng(o, out.resolve(name));
            ImageFiles.writePng(new Image(1, 16, 16, m), masks.resolve(name));
            rows.add(Map.of("path", name, "group", i % 2 == 0 ? "a" : "<b>"));
        }
        CsvTable.write(ref.resolve("manifest.csv"), List.of("path", "group"), rows);
        return dir;
    }

    @Test
    void metricsFidelityBreaksScoresDownBySlice(@TempDir Path dir) throws Exception {
        folders(dir);
        String[] base = {"metrics", "fidelity", "--reference", dir.resolve("ref").toString(), "--filled",
                dir.resolve("out").toString(), "--masks", dir.resolve("masks").toString(), "--no-perceptual", "--by", "group"};
        List<String> args = new ArrayList<>(List.of(base));
        args.add("--json");
        JsonNode j = Json.mapper().readTree(ok(args.toArray(String[]::new)).out());
        assertEquals(40, j.get("images").asInt(), "the plain report is still there");
        JsonNode by = j.get("by_slice");
        assertEquals("hole", by.get("region").asText());
        JsonNode psnr = by.at("/metrics/psnr/slices");
        assertEquals(List.of("<b>", "a"), iterate(psnr.fieldNames()));
        for (String key : PER_SLICE) {
            assertTrue(psnr.get("a").has(key), key);
        }
        assertEquals(20, psnr.get("a").get("n").asInt());
        assertTrue(psnr.get("<b>").get("difference").asDouble() < 0, "noisier fills score a lower PSNR");
        assertTrue(psnr.get("<b>").get("p_adjusted").asDouble() < 0.01, psnr.toString());

        String table = ok(base).out();
        assertTrue(table.contains("by group, on the hole") && table.contains("psnr_hole by group"), table);
        fails("no column 'age'", "metrics", "fidelity", "--reference", dir.resolve("ref").toString(), "--filled",
                dir.resolve("out").toString(), "--masks", dir.resolve("masks").toString(), "--no-perceptual", "--by", "age");
        fails("elsewhere.csv: no such CSV file", "metrics", "fidelity", "--reference", dir.resolve("ref").toString(),
                "--filled", dir.resolve("out").toString(), "--no-perceptual", "--by", "group", "--attributes",
                dir.resolve("elsewhere.csv").toString());
    }

    @Test
    void inpaintEvalWritesTheAttributesAndBreaksDownByThem(@TempDir Path tmp) throws Exception {
        Path run = TinyRuns.portraitDdpm(tmp);
        Path eval = tmp.resolve("eval");
        MainTestAccess.Result r = ok("inpaint-eval", run.toString(), "--dataset", "portraits-32?n=30&seed=13", "--n", "30",
                "--steps", "2", "--jump-length", "1", "--jump-count", "1", "--mask-kind", "center-box", "--by",
                "skin_group", "--min-size", "3", "--out", eval.toString(), "--json");
        JsonNode j = Json.mapper().readTree(r.out());
        JsonNode slices = j.at("/by_slice/metrics/psnr/slices");
        assertEquals(List.of("dark", "light", "medium"), iterate(slices.fieldNames()));
        int n = 0;
        for (JsonNode s : slices) {
            n += s.get("n").asInt();
            for (String key : PER_SLICE) {
                assertTrue(s.has(key), key);
            }
        }
        assertEquals(30, n);
        CsvTable manifest = CsvTable.read(eval.resolve("reference/manifest.csv"));
        assertEquals("00000.png", manifest.rows().get(0).get("path"));
        assertTrue(manifest.columns().containsAll(List.of("skin_group", "age", "glasses")), manifest.columns().toString());
        // the folder scored again by metrics fidelity finds the same breakdown through the manifest
        JsonNode again = Json.mapper().readTree(ok("metrics", "fidelity", "--reference", eval.resolve("reference").toString(),
                "--filled", eval.resolve("filled").toString(), "--masks", eval.resolve("masks").toString(),
                "--no-perceptual", "--by", "skin_group", "--min-size", "3", "--json").out());
        assertEquals(slices.get("dark").get("mean").asDouble(), again.at("/by_slice/metrics/psnr/slices/dark/mean")
                .asDouble(), 1e-12);
    }

    private static List<String> iterate(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
