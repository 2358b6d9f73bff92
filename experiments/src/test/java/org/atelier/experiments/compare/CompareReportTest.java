package org.atelier.experiments.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.atelier.core.io.Json;
import org.atelier.evaluation.report.HeadlessBrowser;
import org.atelier.training.TinyRuns;
import org.atelier.training.publish.ModelExport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole comparison on two tiny models (a class-conditional DDPM and a DCGAN, two training steps each). */
class CompareReportTest {
    @TempDir
    static Path tmp;
    static JsonNode results;
    static Path page;

    @BeforeAll
    static void compareTwoTinyModels() throws Exception {
        Path ddpm = tmp.resolve("ddpm");
        ModelExport.export(TinyRuns.ddpm(tmp), ddpm, false);
        Path ganCfg = tmp.resolve("tiny-gan.yaml");
        Files.writeString(ganCfg, String.join("\n", "name: tiny-gan", "seed: 4",
                "data: {dataset: 'fashion-mnist:test', limit: 40}", "model: {family: dcgan, arch: dcgan28, z_dim: 16}",
                "trainer: {steps: 2, batch_size: 4, optimizer: {kind: adam, lr: 0.0002, beta1: 0.5},",
                "          checkpoint_every: 2, log_every: 1, sample_count: 4}", ""));
        Path gan = TinyRuns.train(ganCfg, "tiny-gan", tmp);
        Path cganCfg = tmp.resolve("tiny-cgan.yaml");
        Files.writeString(cganCfg, Files.readString(ganCfg).replace("tiny-gan", "tiny-cgan").replace("dcgan,", "cgan,"));
        Path cgan = TinyRuns.train(cganCfg, "tiny-cgan", tmp);
        Path cfg = tmp.resolve("compare.yaml");
        Files.writeString(cfg, String.join("\n", "name: tiny", "seed: 1", "out: " + tmp.resolve("report"),
                "generation:", "  n: 100", "  fid_resamples: 20", "  models:",
                "    - {label: tiny DDPM, model: '" + ddpm + "', sampler: ddim, steps: 2, guidance: 2}",
                "    - {label: tiny GAN, model: '" + gan + "'}",
                "    - {label: tiny cGAN, model: '" + cgan + "'}",
                "    - {label: absent, model: '" + tmp.resolve("no-such-model") + "'}",
                "inpainting:", "  dataset: 'fashion-mnist:test'", "  n: 3", "  band: 2", "  feather: 1.0",
                "  resamples: 100", "  mask_kinds: [text, scratches]", "  methods:",
                "    - {label: RePaint, model: '" + ddpm + "', use_class: false, steps: 2, jump_length: 1, jump_count: 1}",
                "    - {label: RePaint + class, model: '" + ddpm + "', use_class: true, steps: 2, jump_length: 1, jump_count: 1}",
                "quick: {generation_n: 100, inpainting_n: 2, steps: 1, mask_kinds: [thick]}", ""));
        List<String> said = new ArrayList<>();
        page = CompareReport.write(CompareConfig.load(cfg, List.of()), said::add).page();
        results = Json.mapper().readTree(tmp.resolve("report/results.json").toFile()).path("results");
    }

    @Test
    void everyModelHasFidWithAnIntervalAndNAndTheConditionalOneAReadBack() {
        JsonNode models = results.at("/generation/models");
        assertEquals(3, models.size());
        for (JsonNode m : models) {
            assertEquals(100, m.path("n").asInt());
            JsonNode fid = m.path("fid");
            assertTrue(fid.path("fid").asDouble() > 0);
            assertTrue(fid.at("/fid_ci95/0").asDouble() <= fid.at("/fid_ci95/1").asDouble());
            assertTrue(fid.path("fid_small_n").asBoolean(), "100 samples against 256-d features is flagged");
            assertTrue(fid.path("fid_inf").isNumber());
            assertTrue(m.at("/kid_prdc/kid_mean").isNumber() && m.at("/kid_prdc/coverage").isNumber());
            double kid = m.at("/kid_prdc/kid_mean").asDouble();
            assertTrue(m.at("/kid_ci95/0").asDouble() < m.at("/kid_ci95/1").asDouble(),
                    "KID's interval has a width even where one subset holds all N samples: " + m.path("kid_ci95"));
            assertTrue(m.at("/kid_ci95/0").asDouble() <= kid && kid <= m.at("/kid_ci95/1").asDouble() + 1e-9,
                    "KID " + kid + " inside " + m.path("kid_ci95"));
            assertTrue(m.path("seconds_per_image").asDouble() > 0);
        }
        JsonNode readback = models.get(0).path("class_readback");
        assertTrue(readback.at("/overall/ci95/0").asDouble() <= readback.at("/overall/share").asDouble());
        assertEquals(10, readback.path("per_class").size(), "every class asked ten times");
        assertTrue(models.get(1).path("class_readback").isNull(), "the DCGAN is unconditional");
        // a conditional GAN draws one class per call; its 100 samples still hold every class ten times
        JsonNode cganClasses = models.get(2).at("/class_readback/per_class");
        assertEquals(10, cganClasses.size(), cganClasses.toString());
        assertTrue(results.at("/missing/absent").asText().contains("no-such-model"));
    }

    @Test
    void inpaintingIsOneFamilyOfTestsOverMethodsMaskKindsAndFeathering() {
        JsonNode tests = results.at("/inpainting/tests");
        // per mask kind: RePaint vs RePaint + class on 3 regions x 4 metrics, and plain vs feathered band per method
        assertEquals(2 * (3 * 4 + 2 * 4), tests.size());
        for (JsonNode t : tests) {
            double p = t.path("p_paired_t").asDouble(Double.NaN);
            double holm = t.path("p_holm").asDouble(Double.NaN);
            assertTrue(Double.isNaN(p) || holm >= p - 1e-12, "Holm never lowers a p-value: " + t);
        }
        assertEquals(4, results.at("/inpainting/runs").size());
        assertTrue(results.at("/inpainting/runs/0/feathered/overall").isObject());
    }

    @Test
    void thePageShowsEveryChartAndImageInABrowser() throws Exception {
        String html = Files.readString(page);
        for (String f : List.of("fid-vs-inverse-n.png", "prdc.png", "quality-vs-time.png", "inpainting-hole-psnr.png",
                "inpainting-band-psnr.png", "triptych-text.png", "samples-tiny-ddpm.png")) {
            assertTrue(html.contains(f), f);
            assertTrue(Files.exists(page.getParent().resolve(f)), f);
        }
        assertTrue(html.contains("N = 100 is below the extractor's dimension"), "the small-N warning is on the page");
        assertTrue(Files.exists(page.getParent().resolve("provenance.json")));
        if (HeadlessBrowser.available()) { // CI installs chromium; elsewhere the file checks above still hold
            HeadlessBrowser.Check check = HeadlessBrowser.check(page);
            assertTrue(check.ok(), "images that do not load: " + check.broken());
            assertTrue(check.images() >= 7);
        }
    }
}
