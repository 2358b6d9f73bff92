package org.atelier.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.atelier.core.config.ConfigLoader;
import org.atelier.core.errors.ConfigException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.io.AtomicFiles;
import org.atelier.core.io.Json;
import org.atelier.core.provenance.ProvenanceBuilder;
import org.atelier.datasets.ImageDataset;
import org.atelier.models.Inpainter;
import org.atelier.models.Sampler;
import org.atelier.models.Stylizer;
import org.atelier.models.Trainable;
import org.atelier.models.backend.Backends;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.training.checkpoint.CheckpointStore;
import org.atelier.training.config.RunConfig;
import org.atelier.training.config.TrainerConfig;

/**
 * Starting, resuming and loading runs in {@code runs/<name>/}: resolves the config, writes
 * {@code config.yaml} and {@code provenance.json}, opens the data, builds the family and
 * hands them to the {@link Trainer}.
 */
public final class Runs {
    private Runs() {
    }

    /** What {@code atelier train} asks for. */
    public record Request(Path configFile, List<String> overrides, Optional<String> name, Optional<Path> resume,
                          Path runsRoot, StopSignal stop, boolean progressBar, List<StepListener> listeners) {
    }

    /** A started or finished run: its folder, config, and how the call ended. */
    public record Outcome(RunDir dir, RunConfig config, TrainResult result) {
    }

    public static Outcome train(Request req) {
        RunConfig cfg = ConfigLoader.load(req.configFile(), RunConfig.class, req.overrides());
        String source = req.configFile().toString();
        RunDir dir;
        Optional<Path> checkpoint = Optional.empty();
        if (req.resume().isPresent()) {
            Path ckpt = CheckpointStore.resolveResume(req.resume().get());
            checkpoint = Optional.of(ckpt);
            dir = new RunDir(runRootOf(ckpt));
            RunConfig saved = ConfigLoader.load(dir.config(), RunConfig.class, List.of());
            checkResumable(saved, cfg, dir, source);
            if (saved.trainer().steps() != cfg.trainer().steps()) {
                AtomicFiles.writeString(dir.config(), ConfigLoader.toYaml(cfg));
            }
        } else {
            dir = new RunDir(req.runsRoot().resolve(req.name().orElse(cfg.name())));
            if (Files.exists(dir.checkpoints()) || Files.exists(dir.metrics())) {
                throw new InvalidInputException(dir.root() + " already holds a run; continue it with --resume "
                        + dir.root() + ", or pick another --name");
            }
            try {
                Files.createDirectories(dir.root());
            } catch (IOException e) {
                throw new UncheckedIOException("could not create " + dir.root() + ": " + e.getMessage(), e);
            }
            AtomicFiles.writeString(dir.config(), ConfigLoader.toYaml(cfg));
        }
        ImageDataset data = DataSources.open(cfg.data(), source);
        Trainable model = Families.create(cfg, DataShape.of(data), source);
        if (checkpoint.isEmpty()) {
            Json.write(dir.root().resolve("data.json"), DataShape.of(data));
            Json.write(dir.provenance(), new ProvenanceBuilder().configHash(ConfigLoader.hash(cfg))
                    .dataset(data.id(), data.contentHash()).seed(cfg.seed())
                    .backend(Backends.name(), Backends.nd4jVersion()).extra("config_file", source)
                    .extra("overrides", String.join(" ", req.overrides())).build());
        }
        Trainer trainer = new Trainer(cfg.trainer(), cfg.seed(), dir, req.stop(), req.progressBar(), req.listeners());
        return new Outcome(dir, cfg, trainer.train(model, data, checkpoint));
    }

    /** A resumed run must use the config it started with; only trainer.steps may change (to extend it). */
    private static void checkResumable(RunConfig saved, RunConfig given, RunDir dir, String source) {
        RunConfig normalised = new RunConfig(given.name(), given.seed(), given.data(), given.model(),
                withSteps(given.trainer(), saved.trainer().steps()));
        if (!ConfigLoader.hash(normalised).equals(ConfigLoader.hash(saved))) {
            throw new ConfigException(source, "", "differs from the resumed run's " + dir.config()
                    + " in more than trainer.steps; resume with the config the run started with");
        }
        if (given.trainer().steps() < saved.trainer().steps()) {
            throw new ConfigException(source, "trainer.steps", "cannot shrink a resumed run (" + saved.trainer().steps()
                    + " in " + dir.config() + ")");
        }
    }

    static TrainerConfig withSteps(TrainerConfig t, long steps) {
        return new TrainerConfig(steps, t.batchSize(), t.optimizer(), t.schedule(), t.clipNorm(), t.emaDecay(),
                t.checkpointEvery(), t.keepCheckpoints(), t.logEvery(), t.sampleEvery(), t.sampleCount(), t.guard(),
                t.collectGarbage());
    }

    /** runs/<name> from runs/<name>/checkpoints/step-N.ckpt (or a checkpoint lying in the run folder itself). */
    public static Path runRootOf(Path checkpoint) {
        Path parent = checkpoint.toAbsolutePath().getParent();
        Path root = parent.getFileName().toString().equals("checkpoints") ? parent.getParent() : parent;
        if (!Files.isRegularFile(root.resolve("config.yaml"))) {
            throw new InvalidInputException(root + ": not a run folder (no config.yaml beside checkpoints/)");
        }
        return root;
    }

    /**
     * A run's model with the EMA weights of its newest (or the named) checkpoint, for sampling and
     * inpainting. Its capability accessors refuse a model of another family with a message naming
     * the run, its family and what the caller needs.
     */
    public record Loaded(RunDir dir, RunConfig config, Trainable model, Path checkpoint) {
        /** The family's id as configs spell it ({@code dcgan}, {@code gan-inpaint}, {@code ddpm}, …). */
        public String family() {
            return config.model().familyId();
        }

        /** The model as a {@link Sampler}, for drawing new images. */
        public Sampler sampler() {
            if (model instanceof Sampler s) {
                return s;
            }
            throw new InvalidInputException(dir.root() + " is a " + family() + " run: it fills holes (atelier "
                    + "inpaint) and does not draw new images");
        }

        /** The model as an {@link Inpainter}, for filling holes. */
        public Inpainter inpainter() {
            if (model instanceof Inpainter i) {
                return i;
            }
            throw new InvalidInputException(dir.root() + " is a " + family() + " run; inpainting needs a gan-inpaint "
                    + "or ddpm run");
        }

        /**
         * The model as a {@link DiffusionModel}, for what only a reverse process does (outpainting,
         * variations).
         *
         * @param needs how the refusal goes on, e.g. {@code outpainting needs} (followed by "a ddpm run")
         */
        public DiffusionModel diffusion(String needs) {
            if (model instanceof DiffusionModel d) {
                return d;
            }
            throw new InvalidInputException(dir.root() + " is a " + family() + " run; " + needs + " a ddpm run");
        }

        /** The model as a {@link Stylizer} (a trained fast style-transfer run). */
        public Stylizer stylizer() {
            if (model instanceof Stylizer s) {
                return s;
            }
            throw new InvalidInputException(dir.root() + " is a " + family() + " run; a fast-nst run is needed "
                    + "(atelier train configs/fast-nst-starry.yaml)");
        }
    }

    /** @param run a run folder or one of its checkpoint files */
    public static Loaded load(Path run) {
        Path ckpt = CheckpointStore.resolveResume(run);
        RunDir dir = new RunDir(runRootOf(ckpt));
        RunConfig cfg = ConfigLoader.load(dir.config(), RunConfig.class, List.of());
        Trainable model = Families.create(cfg, shapeOf(dir), dir.config().toString());
        Trainer.loadForInference(model, ckpt);
        return new Loaded(dir, cfg, model, ckpt);
    }

    private static DataShape shapeOf(RunDir dir) {
        Path file = dir.root().resolve("data.json");
        try {
            return Json.mapper().readValue(file.toFile(), DataShape.class);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read the run's data shape (" + e.getMessage() + ")", e);
        }
    }


}
