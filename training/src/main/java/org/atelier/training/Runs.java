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

    /**
     * Trains as asked, holding the run folder's {@link RunLock} from before its first file is written
     * until training returns: a second training of the same folder is refused, not interleaved.
     * Whoever holds the lock first removes what killed writers left: temp files, and — in a folder
     * with no checkpoint, whose earlier start died before its step-0 checkpoint — that start's files.
     */
    public static Outcome train(Request req) {
        if (req.resume().isPresent() && req.name().isPresent()) {
            throw new InvalidInputException("--name and --resume exclude each other: a resumed run keeps its folder");
        }
        RunConfig cfg = ConfigLoader.load(req.configFile(), RunConfig.class, req.overrides());
        String source = req.configFile().toString();
        RunDir dir = req.resume().isPresent() ? new RunDir(runRootOfResume(req.resume().get()))
                : new RunDir(runFolder(req.runsRoot(), req.name(), cfg.name()));
        try (RunLock lock = RunLock.acquire(dir.root())) {
            removeStaleTemps(dir);
            Optional<Path> checkpoint = Optional.empty();
            if (req.resume().isPresent()) {
                Path ckpt = resumeCheckpoint(req.resume().get(), dir, req.configFile());
                checkpoint = Optional.of(ckpt);
                RunConfig saved = ConfigLoader.load(dir.config(), RunConfig.class, List.of());
                checkResumable(saved, cfg, dir, source);
                if (saved.trainer().steps() != cfg.trainer().steps()) {
                    AtomicFiles.writeString(dir.config(), ConfigLoader.toYaml(cfg));
                }
            } else {
                if (!new CheckpointStore(dir.checkpoints(), Integer.MAX_VALUE).list().isEmpty()) {
                    throw new InvalidInputException(dir.root() + " already holds a run; continue it with --resume "
                            + dir.root() + ", or pick another --name");
                }
                clearInterruptedStart(dir);
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
    }

    /**
     * {@code runsRoot/<name>}, the name being {@code --name} or else the config's. The name must be a
     * single folder name ({@link RunConfig#NAME}), so the run cannot land outside {@code runsRoot}.
     *
     * @throws InvalidInputException for a name with a path separator, {@code ..}, or other characters
     */
    public static Path runFolder(Path runsRoot, Optional<String> name, String configName) {
        String n = name.orElse(configName);
        if (!RunConfig.NAME.matcher(n).matches()) {
            throw new InvalidInputException("--name '" + n + "': " + RunConfig.NAME_RULE);
        }
        Path root = runsRoot.toAbsolutePath().normalize();
        Path folder = root.resolve(n).normalize();
        if (!folder.getParent().equals(root)) {
            throw new InvalidInputException("--name '" + n + "': would place the run outside " + runsRoot);
        }
        return runsRoot.resolve(n);
    }

    /** The run folder a --resume target names (the folder itself, or the folder of a checkpoint file). */
    private static Path runRootOfResume(Path target) {
        if (Files.isDirectory(target) && Files.isRegularFile(target.resolve("config.yaml"))) {
            return target;
        }
        return runRootOf(CheckpointStore.resolveResume(target));
    }

    /** The checkpoint to resume from; a folder whose first start died before any checkpoint says how to restart. */
    private static Path resumeCheckpoint(Path target, RunDir dir, Path configFile) {
        if (Files.isRegularFile(target)) {
            return target;
        }
        return new CheckpointStore(dir.checkpoints(), Integer.MAX_VALUE).latest().orElseThrow(() ->
                new InvalidInputException(dir.root() + ": no checkpoint to resume from — the run was stopped before "
                        + "its step-0 checkpoint was written; start it afresh with 'atelier train " + configFile
                        + " --name " + dir.name() + "' (the folder is reused)"));
    }

    /** Temp files of killed atomic writes, in the folders the loop writes to; noted in events.jsonl. */
    private static void removeStaleTemps(RunDir dir) {
        List<Path> removed = new java.util.ArrayList<>();
        for (Path d : List.of(dir.root(), dir.checkpoints(), dir.samples())) {
            removed.addAll(AtomicFiles.removeStaleTemps(d));
        }
        if (!removed.isEmpty()) {
            RunEvents.append(dir, "stale-temp-files", null, java.util.Map.of("removed",
                    removed.stream().map(p -> p.getFileName().toString()).toList()));
        }
    }

    /**
     * A folder without a checkpoint holds at most the files of a start that died before its step-0
     * checkpoint: nothing to resume, so its metrics and sample grids go and the new start takes over.
     */
    private static void clearInterruptedStart(RunDir dir) {
        boolean leftovers = Files.exists(dir.metrics()) || Files.isDirectory(dir.samples())
                || Files.isRegularFile(dir.config());
        try {
            Files.deleteIfExists(dir.metrics());
            if (Files.isDirectory(dir.samples())) {
                try (var s = Files.list(dir.samples())) {
                    for (Path p : (Iterable<Path>) s::iterator) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear " + dir.root() + ": " + e.getMessage(), e);
        }
        if (leftovers) {
            RunEvents.append(dir, "restarted", 0L, java.util.Map.of("reason",
                    "an earlier start left no checkpoint; its files were replaced"));
        }
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

        /**
         * The data the model was trained on, as its config names it (a published model keeps its
         * training config): what an audit compares its samples with.
         */
        public ImageDataset trainingSet() {
            return DataSources.open(config.data(), dir.config().toString());
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
