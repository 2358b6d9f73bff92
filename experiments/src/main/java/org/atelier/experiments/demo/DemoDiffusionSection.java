package org.atelier.experiments.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.core.config.ConfigLoader;
import org.atelier.core.errors.ConfigException;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.errors.UserException;
import org.atelier.datasets.ProjectRoot;
import org.atelier.evaluation.report.HtmlReport;
import org.atelier.experiments.ReportFolders;
import org.atelier.models.diffusion.ConditioningKind;
import org.atelier.models.diffusion.DiffusionConfig;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.training.Runs;
import org.atelier.training.StopSignal;
import org.atelier.training.TrainResult;
import org.atelier.training.config.RunConfig;
import org.atelier.training.publish.ModelCard;
import org.atelier.training.publish.ModelExport;
import org.atelier.training.publish.ModelSources;
import org.atelier.training.publish.PublishedModel;

/**
 * The demo's diffusion part: finds the published model (or, with {@code --train}, trains one from
 * scratch by the shared loop and exports it), then lets {@link DemoDiffusionPanels} sample, inpaint
 * and outpaint with it. When the published weights are not there the section says so and names the
 * commands that make them, instead of failing the whole report.
 */
final class DemoDiffusionSection {
    static final String HEADING = "Diffusion: sampling, inpainting and outpainting";
    private final DemoConfig.Diffusion cfg;
    private final long seed;
    private final Path reportDir;
    private final boolean train;

    /**
     * @param reportDir the report folder; {@code --train} keeps its run in {@code diffusion-run/} and the
     *                  export in {@code diffusion-model/} there, replacing a previous demo's
     * @param train     retrain the model from {@code cfg.config()} instead of loading {@code cfg.model()}
     */
    DemoDiffusionSection(DemoConfig.Diffusion cfg, long seed, Path reportDir, boolean train) {
        this.cfg = cfg;
        this.seed = seed;
        this.reportDir = reportDir;
        this.train = train;
    }

    void write(HtmlReport report) {
        Source source;
        if (train) {
            source = trained();
        } else {
            try {
                source = published();
            } catch (UserException e) {
                missing(report, e.getMessage(), e instanceof CorruptFileException);
                return;
            }
        }
        DiffusionModel model;
        try {
            model = source.loaded().diffusion("this section needs");
        } catch (InvalidInputException e) {
            throw new ConfigException("demo config", "diffusion.model", e.getMessage());
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("status", train ? "trained" : "sampled");
        results.put("model", cfg.model());
        results.put("source", source.loaded().dir().root().toString());
        results.put("weights", source.loaded().checkpoint().toString());
        results.putAll(source.facts());
        HtmlReport.Section s = report.section(HEADING, describe(model, source));
        results.putAll(new DemoDiffusionPanels(cfg, seed, model, source.loaded().config()).write(s));
        report.result("diffusion", results);
    }

    /** A loaded model with what the page and results.json say about where it came from. */
    private record Source(Runs.Loaded loaded, String origin, Map<String, Object> facts) {
    }

    private Source published() {
        Runs.Loaded loaded = loadModel(cfg.model());
        Map<String, Object> facts = new LinkedHashMap<>();
        Path root = loaded.dir().root();
        if (!PublishedModel.isPublished(root)) {
            facts.put("checkpoint", loaded.checkpoint().getFileName().toString());
            return new Source(loaded, "the run " + root + " (EMA weights of " + loaded.checkpoint().getFileName() + ")",
                    facts);
        }
        ModelCard card = PublishedModel.card(root);
        facts.put("weights_sha256", card.weights().sha256());
        facts.put("training_steps", card.trainingSteps());
        if (card.trainSeconds() != null) {
            facts.put("train_seconds", card.trainSeconds());
        }
        facts.put("reproduce", card.reproduce());
        return new Source(loaded, String.format("the published weights in %s (%d training steps%s; %s %.1f MB, "
                        + "SHA-256 %s…, checked on load)", ModelExport.shown(root), card.trainingSteps(),
                card.trainSeconds() == null ? "" : String.format(", %.1f h of training-step time on %s",
                        card.trainSeconds() / 3600, card.source().backend() == null ? "CPU" : card.source().backend()),
                card.weights().file(), card.weights().bytes() / 1e6, card.weights().sha256().substring(0, 12)), facts);
    }

    /** A model the demo config names: a folder relative to the project root, else a path or a published name. */
    static Runs.Loaded loadModel(String model) {
        Path asPath = ProjectRoot.path().resolve(model);
        return ModelSources.load(Files.exists(asPath) ? asPath : Path.of(model));
    }

    /** --train: the configured run from scratch by the shared loop, exported next to the report, then loaded. */
    private Source trained() {
        Path runDir = reportDir.resolve("diffusion-run");
        Path exported = reportDir.resolve("diffusion-model");
        ReportFolders.clear(runDir);
        ReportFolders.clear(exported);
        List<String> overrides = cfg.trainSteps() > 0 ? List.of("trainer.steps=" + cfg.trainSteps()) : List.of();
        Runs.Outcome o = Runs.train(new Runs.Request(ProjectRoot.path().resolve(cfg.config()), overrides,
                Optional.of(runDir.getFileName().toString()), Optional.empty(), reportDir, StopSignal.onShutdown(),
                System.console() != null, List.of()));
        TrainResult r = o.result();
        ModelExport.export(runDir, exported, true);
        Runs.Loaded loaded = PublishedModel.load(exported);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("training_steps", r.step());
        facts.put("train_wall_s", r.wallSeconds());
        facts.put("run", runDir.toString());
        facts.put("exported", exported.toString());
        return new Source(loaded, String.format("a model trained from scratch by this demo (--train): %s for %d steps"
                        + "%s in %.0f s, run folder %s, exported to %s (copy it to weights/%s to publish it)",
                cfg.config(), r.step(), r.completed() ? "" : " (stopped early)", r.wallSeconds(), runDir, exported,
                o.config().name()), facts);
    }

    private String describe(DiffusionModel m, Source source) {
        DiffusionConfig d = m.config();
        return String.format("A %s DDPM (%s UNet, %d-step %s noise schedule, %s prediction) on %d×%d images, from %s. "
                        + "Draw more with 'atelier sample %s --n 20 --out grid.png'; inpaint, outpaint and vary take it "
                        + "the same way.", d.conditioning() == ConditioningKind.NONE ? "unconditional"
                        : d.conditioning().id() + "-conditional", d.arch().id(), d.timesteps(),
                d.schedule().id(), d.prediction().id(),
                m.width(), m.height(), source.origin(), train ? source.loaded().dir().root() : cfg.model());
    }

    /**
     * The fallback: no usable published weights (missing, or refused because a file changed), so the
     * section says why and how to make them, and the rest of the report is still written.
     */
    private void missing(HtmlReport report, String reason, boolean damaged) {
        String name = configName();
        List<String> make = new ArrayList<>(List.of("./atelier train " + cfg.config(),
                "./atelier export runs/" + name + " --out " + ModelSources.FOLDER + "/" + name));
        String alternative = "./atelier demo --train";
        report.section(HEADING, "This section samples, inpaints and outpaints with the published diffusion model '"
                + cfg.model() + "', and its weights " + (damaged ? "were refused" : "are not there") + ": " + reason + ". Make them with '" + make.get(0)
                + "' followed by '" + make.get(1) + "' (training takes hours on 2 CPU cores; the command resumes with "
                + "--resume runs/" + name + " after an interruption), or train and use them in one go with '"
                + alternative + "'. With the weights in place this section draws a DDIM grid, RePaint fills and an "
                + "outpainting in about a minute.");
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("status", damaged ? "damaged" : "missing");
        results.put("model", cfg.model());
        results.put("reason", reason);
        make.add(alternative);
        results.put("make_with", make);
        report.result("diffusion", results);
        System.err.println("demo: diffusion section without samples: " + reason);
    }

    /** The run name the fallback's commands use: the config's name, or the model name when the config is unreadable. */
    private String configName() {
        try {
            return ConfigLoader.load(ProjectRoot.path().resolve(cfg.config()), RunConfig.class, List.of()).name();
        } catch (UserException e) {
            return Path.of(cfg.model()).getFileName().toString();
        }
    }
}
