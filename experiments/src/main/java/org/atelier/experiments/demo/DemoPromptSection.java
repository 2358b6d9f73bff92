package org.atelier.experiments.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.atelier.evaluation.audit.AttributeReadback;
import org.atelier.core.errors.ConfigException;
import org.atelier.core.errors.UserException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageGrid;
import org.atelier.core.random.Seeds;
import org.atelier.evaluation.report.HtmlReport;
import org.atelier.models.diffusion.Condition;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.models.diffusion.PromptEncoder;
import org.atelier.models.diffusion.SamplingOptions;
import org.atelier.models.diffusion.TrajectoryRecorder;
import org.atelier.models.features.PortraitsV1;
import org.atelier.training.Runs;

/**
 * The demo's prompt part: the published portraits DDPM asked a few short prompts ("old person with
 * glasses, dark skin"), one row of samples per prompt, and every sample read back by the
 * {@code portraits-v1} classifier, so the page says how often the model drew what it was asked —
 * with intervals, since a row holds a handful of faces. Without the weights the section says how
 * to make them and the rest of the report is still written.
 */
final class DemoPromptSection {
    static final String HEADING = "Diffusion: short prompts on portraits";
    private final DemoConfig.Prompts cfg;
    private final long seed;

    DemoPromptSection(DemoConfig.Prompts cfg, long seed) {
        this.cfg = cfg;
        this.seed = seed;
    }

    void write(HtmlReport report) {
        Runs.Loaded loaded;
        try {
            loaded = DemoDiffusionSection.loadModel(cfg.model());
        } catch (UserException e) {
            missing(report, e.getMessage());
            return;
        }
        if (!(loaded.model() instanceof DiffusionModel model && AttributeReadback.applies(model))) {
            throw new ConfigException("demo config", "prompts.model", loaded.dir().root() + " is not an "
                    + "attribute-conditional diffusion model of 32x32 RGB portraits");
        }
        List<Condition> asked = encode(model);
        List<Condition> all = new ArrayList<>();
        asked.forEach(c -> all.addAll(Collections.nCopies(cfg.perPrompt(), c)));
        boolean ddpm = cfg.sampler().equals("ddpm");
        SamplingOptions o = ddpm ? SamplingOptions.ddpm(cfg.steps(), cfg.guidance())
                : SamplingOptions.ddim(cfg.steps(), 0.0, cfg.guidance());
        long t0 = System.nanoTime();
        List<Image> images = model.generate(all, o, new SplittableRandom(Seeds.derive(seed, "demo/prompts")),
                TrajectoryRecorder.off());
        double secs = (System.nanoTime() - t0) / 1e9;

        PortraitsV1 reader = PortraitsV1.load();
        List<ImageGrid.Row> rows = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        List<Map<String, Object>> results = new ArrayList<>();
        for (int p = 0; p < asked.size(); p++) {
            List<Image> mine = images.subList(p * cfg.perPrompt(), (p + 1) * cfg.perPrompt());
            String prompt = cfg.prompts().get(p);
            rows.add(new ImageGrid.Row("\u201c" + prompt + "\u201d", mine));
            AttributeReadback.Result r = AttributeReadback.read(model.conditionSpace(), asked.get(p), mine, reader);
            String condition = model.conditionSpace().describe(asked.get(p));
            table.add(row(prompt, condition, r));
            results.add(result(prompt, condition, r));
        }
        HtmlReport.Section s = report.section(HEADING, String.format("The workbench's small analogue of text-to-image: "
                + "a prompt is read against the model's attribute vocabulary (no language model: an unknown word is an "
                + "error that lists the vocabulary), and the attributes it names condition %s; the others stay at "
                + "their null token. Try 'atelier sample %s --sampler %s --prompt \"…\" --n 16 --out p.png --read-back'.",
                loaded.dir().root().getFileName(), cfg.model(), cfg.sampler()));
        s.figure("diffusion-prompts", String.format("%s at guidance %s, %d samples per prompt; %.1f s",
                ddpm ? "DDPM-" + cfg.steps() + " (ancestral)" : "DDIM-" + cfg.steps() + " (η = 0)",
                DemoDiffusionPanels.fmt(cfg.guidance()),
                cfg.perPrompt(), secs), ImageGrid.labelled(rows, cfg.perPrompt(), 2, true));
        s.text("Each sample read back by the " + PortraitsV1.ID + " classifier (one head per attribute, trained on the "
                + "renderer's balanced portraits): how many show each asked value, and all of them at once, with Wilson "
                + "95 % intervals. The classifier gives every image some value, blurred ones too, so this measures "
                + "'read as asked', not a human judgement.");
        s.table(List.of("prompt", "condition", "read as asked, per attribute", "all asked at once (95 % interval)"), table);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "sampled");
        out.put("model", cfg.model());
        out.put("weights", loaded.checkpoint().toString());
        out.put("sampler", cfg.sampler());
        out.put("steps", cfg.steps());
        out.put("guidance", cfg.guidance());
        out.put("per_prompt", cfg.perPrompt());
        out.put("seconds", secs);
        out.put("prompts", results);
        report.result("prompts", out);
    }

    private List<Condition> encode(DiffusionModel model) {
        PromptEncoder encoder = new PromptEncoder(model.conditionSpace());
        List<Condition> out = new ArrayList<>();
        for (int i = 0; i < cfg.prompts().size(); i++) {
            try {
                out.add(encoder.encode(cfg.prompts().get(i)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("demo config", "prompts.prompts[" + i + "]", e.getMessage());
            }
        }
        return out;
    }

    private static List<String> row(String prompt, String condition, AttributeReadback.Result r) {
        List<String> perAttribute = new ArrayList<>();
        for (AttributeReadback.Attribute a : r.attributes()) {
            if (a.asked() != null) {
                perAttribute.add(a.name() + " " + a.matched() + "/" + r.n());
            }
        }
        ConfidenceInterval ci = r.allInterval();
        return List.of(prompt, condition, String.join(", ", perAttribute), String.format("%d/%d (%.0f – %.0f %%)",
                r.allMatched(), r.n(), 100 * ci.getLowerBound(), 100 * ci.getUpperBound()));
    }

    private static Map<String, Object> result(String prompt, String condition, AttributeReadback.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("prompt", prompt);
        m.put("condition", condition);
        Map<String, Object> asked = new LinkedHashMap<>();
        for (AttributeReadback.Attribute a : r.attributes()) {
            if (a.asked() != null) {
                asked.put(a.name(), Map.of("asked", a.asked(), "read_as_asked", a.matched(), "read", a.read()));
            }
        }
        m.put("attributes", asked);
        m.put("all_asked", r.allMatched());
        m.put("n", r.n());
        return m;
    }

    private void missing(HtmlReport report, String reason) {
        String make = "./atelier train configs/ddpm-portraits.yaml, then ./atelier export runs/ddpm-portraits --out "
                + "weights/ddpm-portraits";
        report.section(HEADING, "This section asks the published portraits diffusion model '" + cfg.model()
                + "' a few short prompts, and it cannot be loaded: " + reason + ". Make it with " + make
                + " (hours on 2 CPU cores; --resume runs/ddpm-portraits continues after an interruption).");
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("status", "missing");
        results.put("model", cfg.model());
        results.put("reason", reason);
        report.result("prompts", results);
        System.err.println("demo: prompt section without samples: " + reason);
    }
}
