package org.atelier.cli.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.core.io.Json;
import org.atelier.datasets.portraits.PortraitSpec;
import org.atelier.datasets.portraits.SyntheticPortraits;
import org.atelier.models.features.PortraitsV1;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MetricsCommandTest {

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new MetricsCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
            throw ex;
        });
        int code = cmd.execute(args);
        assertEquals(0, code, out.toString());
        return out.toString();
    }

    private static Path csv(Path dir, String name, int n, int d, double shift, long seed) throws Exception {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                s.append(j == 0 ? "" : ",").append((float) (rng.nextGaussian() + shift));
            }
            s.append('\n');
        }
        Path p = dir.resolve(name);
        Files.writeString(p, s.toString());
        return p;
    }

    @Test
    void distributionOnFeatureFilesPrintsTheIssueJsonKeys(@TempDir Path dir) throws Exception {
        Path a = csv(dir, "a.csv", 200, 6, 0.5, 1);
        Path b = csv(dir, "b.csv", 250, 6, 0.0, 2);
        String out = run("distribution", "--a", a.toString(), "--b", b.toString(), "--fid", "--kid", "--kid-subsets", "5",
                "--prdc", "--k", "3", "--seed", "9", "--json");
        JsonNode json = Json.mapper().readTree(out);
        for (String key : new String[] {"fid", "fid_inf", "kid_mean", "kid_std", "precision", "recall", "density",
                "coverage", "n_a", "n_b", "extractor"}) {
            assertTrue(json.has(key), key);
        }
        assertEquals(200, json.get("n_a").asInt());
        assertEquals(250, json.get("n_b").asInt());
        assertTrue(json.get("fid").asDouble() > 1.0, out);
        assertTrue(json.get("warnings").toString().contains("capped at 200"), out);
    }

    @Test
    void distributionTableNamesExtractorAndN(@TempDir Path dir) throws Exception {
        Path a = csv(dir, "a.csv", 120, 4, 0.0, 1);
        String out = run("distribution", "--a", a.toString(), "--b", a.toString());
        assertTrue(out.contains("N=120") && out.contains("extractor: user-features") && out.contains("fid "), out);
    }

    @Test
    void missingInputIsATypedUserError(@TempDir Path dir) {
        CommandLine cmd = new CommandLine(new MetricsCommand());
        CommandLine.ParseResult parsed = cmd.parseArgs("distribution", "--a", dir.resolve("nope").toString(), "--b",
                dir.resolve("nope2.csv").toString());
        DistributionCommand command = parsed.subcommand().commandSpec().commandLine().getCommand();
        InvalidInputException e = assertThrows(InvalidInputException.class, command::call);
        assertTrue(e.getMessage().contains("--a") && e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void fidelityScoresHoleBandAndWhole(@TempDir Path dir) throws Exception {
        Path ref = Files.createDirectories(dir.resolve("ref"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Path masks = Files.createDirectories(dir.resolve("masks"));
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 3; i++) {
            Image r = Image.blank(1, 28, 28, -1f);
            Image o = Image.blank(1, 28, 28, -1f);
            float[] m = new float[28 * 28];
            java.util.Arrays.fill(m, -1f);
            for (int y = 8; y < 8 + 4 * (i + 1); y++) {
                for (int x = 8; x < 20; x++) {
                    m[y * 28 + x] = 1f;
                    o.set(0, y, x, (float) rng.nextDouble());
                }
            }
            ImageFiles.writePng(r, ref.resolve("img" + i + ".png"));
            ImageFiles.writePng(o, out.resolve("img" + i + ".png"));
            ImageFiles.writePng(new Image(1, 28, 28, m), masks.resolve("img" + i + ".png"));
        }
        String json = run("fidelity", "--reference", ref.toString(), "--output", out.toString(), "--masks",
                masks.toString(), "--band", "2", "--composite", "--no-perceptual", "--json");
        JsonNode j = Json.mapper().readTree(json);
        assertTrue(j.get("composited").asBoolean());
        assertEquals(3, j.get("images").asInt());
        assertEquals(0.0, j.at("/overall/band/mse/mean").asDouble(), 0.0);
        assertTrue(j.at("/overall/hole/mse/mean").asDouble() > j.at("/overall/whole/mse/mean").asDouble());
        assertEquals(10, j.get("by_hole_area").size());
        String table = run("fidelity", "--reference", ref.toString(), "--output", out.toString(), "--masks",
                masks.toString(), "--no-perceptual");
        assertTrue(table.contains("not composited") && table.contains("hole") && table.contains("band"), table);
    }

    /** Writes the first {@code n} portraits of one skin group (all else uniform) as 32x32 PNGs. */
    private static Path portraitFolder(Path dir, String name, String skinGroup, int n, long seed) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        SyntheticPortraits set = new SyntheticPortraits(
                PortraitSpec.uniform(32, n, seed).withShares("skin_group", Map.of(skinGroup, 1.0)));
        for (int i = 0; i < n; i++) {
            ImageFiles.writePng(set.get(i).image(), folder.resolve(String.format("face%03d.png", i)));
        }
        return folder;
    }

    /** Folders of 32x32 RGB portraits run through portraits-v1; a skin-group shift raises FID. */
    @Test
    void distributionOnPortraitFoldersWithPortraitsV1(@TempDir Path dir) throws Exception {
        Path lightA = portraitFolder(dir, "lightA", "light", 60, 31);
        Path lightB = portraitFolder(dir, "lightB", "light", 60, 32);
        Path darkB = portraitFolder(dir, "darkB", "dark", 60, 32);
        JsonNode same = Json.mapper().readTree(run("distribution", "--a", lightA.toString(), "--b", lightB.toString(),
                "--extractor", "portraits-v1", "--fid", "--no-fid-inf", "--json"));
        JsonNode shifted = Json.mapper().readTree(run("distribution", "--a", lightA.toString(), "--b",
                darkB.toString(), "--extractor", "portraits-v1", "--fid", "--no-fid-inf", "--json"));
        assertEquals("portraits-v1", same.get("extractor").asText());
        assertEquals(PortraitsV1.WEIGHTS_SHA256, same.get("extractor_sha256").asText());
        assertTrue(same.get("extractor_input").asText().contains("3x32x32 RGB"), same.toString());
        assertEquals(60, same.get("n_a").asInt());
        assertEquals(60, shifted.get("n_b").asInt());
        assertTrue(shifted.get("fid").asDouble() > 1.5 * same.get("fid").asDouble(),
                "FID light-dark " + shifted.get("fid") + " vs light-light " + same.get("fid"));
    }

    @Test
    void greyImagesAreRefusedByPortraitsV1NamingTheFile(@TempDir Path dir) throws Exception {
        Path grey = Files.createDirectories(dir.resolve("grey"));
        ImageFiles.writePng(Image.blank(1, 32, 32, 0f), grey.resolve("g.png"));
        CommandLine cmd = new CommandLine(new MetricsCommand());
        CommandLine.ParseResult parsed = cmd.parseArgs("distribution", "--a", grey.toString(), "--b", grey.toString(),
                "--extractor", "portraits-v1");
        DistributionCommand command = parsed.subcommand().commandSpec().commandLine().getCommand();
        InvalidInputException e = assertThrows(InvalidInputException.class, command::call);
        assertTrue(e.getMessage().contains("g.png") && e.getMessage().contains("3x32x32"), e.getMessage());
    }
}
