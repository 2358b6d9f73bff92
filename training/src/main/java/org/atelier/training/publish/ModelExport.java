package org.atelier.training.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.atelier.core.config.ConfigLoader;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.io.AtomicFiles;
import org.atelier.core.io.Hashing;
import org.atelier.core.io.Json;
import org.atelier.core.provenance.Provenance;
import org.atelier.datasets.ProjectRoot;
import org.atelier.training.MetricsLog;
import org.atelier.training.RunDir;
import org.atelier.training.Runs;
import org.atelier.training.checkpoint.Checkpoint;
import org.atelier.training.checkpoint.CheckpointFiles;
import org.atelier.training.checkpoint.CheckpointMeta;
import org.atelier.training.checkpoint.CheckpointStore;
import org.atelier.training.config.RunConfig;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code atelier export}: turns a run's checkpoint into a small published model folder
 * ({@link PublishedModel} describes the layout). Only what sampling needs is kept — the EMA
 * weights, buffers, the resolved config and the data shape — so a 12 MB UNet checkpoint (weights,
 * EMA and two Adam moments) becomes a 3 MB weights file. Every file is written atomically and the
 * card last; the same checkpoint always gives byte-identical weights (the checkpoint writer pins
 * its zip timestamps), so the recorded SHA-256 is reproducible.
 */
public final class ModelExport {
    private ModelExport() {
    }

    /**
     * @param run     a run folder (its newest checkpoint) or one checkpoint file
     * @param out     the folder to write; created if needed
     * @param replace whether an existing published model in {@code out} may be replaced
     * @return the card written
     */
    public static ModelCard export(Path run, Path out, boolean replace) {
        Path ckptFile = CheckpointStore.resolveResume(run);
        RunDir dir = new RunDir(Runs.runRootOf(ckptFile));
        if (out.toAbsolutePath().normalize().startsWith(dir.root().toAbsolutePath().normalize())) {
            throw new InvalidInputException(out + ": choose a folder outside the run " + dir.root());
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new InvalidInputException(out + ": exists and is not a folder");
        }
        if (PublishedModel.isPublished(out) && !replace) {
            throw new InvalidInputException(out + " already holds a published model; give --replace to overwrite it");
        }
        refuseForeignFolder(out);
        RunConfig cfg = ConfigLoader.load(dir.config(), RunConfig.class, List.of());
        Checkpoint ckpt = CheckpointFiles.read(ckptFile);
        Optional<Provenance> provenance = provenance(dir);

        Map<String, INDArray> weights = new LinkedHashMap<>();
        long scalars = 0;
        for (Map.Entry<String, INDArray> e : ckpt.parameters().entrySet()) {
            INDArray v = ckpt.ema().getOrDefault(e.getKey(), e.getValue());
            weights.put(e.getKey(), v);
            scalars += v.length();
        }
        for (INDArray b : ckpt.buffers().values()) {
            scalars += b.length();
        }
        CheckpointMeta meta = new CheckpointMeta(CheckpointFiles.FORMAT, ckpt.meta().step(), 1.0, 0, null, Map.of(),
                null, Map.of(), 0, null);

        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + out + ": " + e.getMessage(), e);
        }
        // The old card goes first: while the folder is being rewritten it is no model at all.
        deleteIfExists(out.resolve(PublishedModel.CARD));
        Map<String, String> files = new LinkedHashMap<>();
        copy(dir.config(), out.resolve(PublishedModel.CONFIG), files);
        copy(dir.root().resolve("data.json"), out.resolve(PublishedModel.DATA), files);
        Path weightsFile = out.resolve(PublishedModel.WEIGHTS);
        CheckpointFiles.write(weightsFile, new Checkpoint(meta, weights, ckpt.buffers(), Map.of(), Map.of()));
        files.put(PublishedModel.WEIGHTS, Hashing.sha256(weightsFile));
        if (Files.isRegularFile(dir.provenance())) {
            copy(dir.provenance(), out.resolve(PublishedModel.PROVENANCE), files);
        } else {
            deleteIfExists(out.resolve(PublishedModel.PROVENANCE));
        }
        Optional<Path> grid = newestSampleGrid(dir, ckpt.meta().step());
        if (grid.isPresent()) {
            copy(grid.get(), out.resolve(PublishedModel.SAMPLES), files);
        } else {
            deleteIfExists(out.resolve(PublishedModel.SAMPLES));
        }

        long step = ckpt.meta().step();
        long configured = cfg.trainer().steps();
        String outName = shown(out);
        String name = dir.name().equals(cfg.name()) ? "" : " --name " + dir.name();
        List<String> reproduce = List.of(
                "./atelier train " + outName + "/" + PublishedModel.CONFIG + name,
                "./atelier export runs/" + dir.name()
                        + (step < configured ? "/checkpoints/" + String.format("step-%08d.ckpt", step) : "")
                        + " --out " + outName + " --replace");
        String note = step < configured ? "exported at step " + step + " of a run configured for " + configured
                + " steps: the first command trains further, so keep its checkpoint of step " + step
                + " (trainer.checkpoint_every and keep_checkpoints decide which it keeps)" : null;
        long bytes;
        try {
            bytes = Files.size(weightsFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ModelCard card = new ModelCard(PublishedModel.FORMAT, cfg.name(), cfg.model().familyId(),
                ConfigLoader.hash(cfg), cfg.seed(),
                provenance.map(p -> (Map<String, String>) new TreeMap<>(p.datasets())).orElse(Map.of()),
                step, configured, trainSeconds(dir, step), 1 + resumes(dir), cfg.trainer().emaDecay(),
                new ModelCard.Weights(PublishedModel.WEIGHTS, files.get(PublishedModel.WEIGHTS), bytes,
                        weights.size() + ckpt.buffers().size(), scalars, ckpt.ema().size()),
                files,
                new ModelCard.Source(shown(dir.root()), ckptFile.getFileName().toString(),
                        provenance.map(Provenance::gitCommit).orElse(null),
                        provenance.map(Provenance::gitDirty).orElse(null),
                        provenance.map(Provenance::backend).orElse(null),
                        provenance.map(ModelExport::configFile).orElse(null)),
                reproduce, note);
        Json.write(out.resolve(PublishedModel.CARD), card);
        return card;
    }

    /**
     * An export writes config.yaml, data.json and provenance.json, names a run folder holds too: a
     * folder holding anything an export does not write (metrics.jsonl, checkpoints/, a report) is
     * someone else's, and is refused even with --replace, which only replaces a published model.
     */
    private static void refuseForeignFolder(Path out) {
        if (!Files.isDirectory(out)) {
            return;
        }
        List<String> foreign;
        try (Stream<Path> s = Files.list(out)) {
            foreign = s.filter(p -> !PublishedModel.ALL.contains(p.getFileName().toString()) && !AtomicFiles.isTemp(p))
                    .map(p -> p.getFileName().toString()).sorted().limit(5).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + out + ": " + e.getMessage(), e);
        }
        if (!foreign.isEmpty()) {
            throw new InvalidInputException(out + ": holds files an export does not write (" + String.join(", ", foreign)
                    + (foreign.size() == 5 ? ", …" : "") + "), so it is not a published model folder; export into a "
                    + "new or empty folder");
        }
    }

    private static void copy(Path from, Path to, Map<String, String> files) {
        if (!Files.isRegularFile(from)) {
            throw new InvalidInputException(from + ": missing from the run folder; export needs it");
        }
        try {
            byte[] bytes = Files.readAllBytes(from);
            AtomicFiles.writeBytes(to, bytes);
            files.put(to.getFileName().toString(), Hashing.sha256(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + from + ": " + e.getMessage(), e);
        }
    }

    private static void deleteIfExists(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + f + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Provenance> provenance(RunDir dir) {
        if (!Files.isRegularFile(dir.provenance())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(dir.provenance().toFile(), Provenance.class));
        } catch (IOException e) {
            throw new InvalidInputException(dir.provenance() + ": not readable provenance (" + e.getMessage() + ")", e);
        }
    }

    private static String configFile(Provenance p) {
        String file = p.extra().get("config_file");
        String overrides = p.extra().get("overrides");
        return file == null ? null : overrides == null || overrides.isBlank() ? file : file + " " + overrides;
    }

    /**
     * Σ step_time_s × (steps in the line's window) over the metrics.jsonl lines up to {@code upTo}:
     * training-step time of the exported weights, checkpoints and sample grids excluded.
     */
    static Double trainSeconds(RunDir dir, long upTo) {
        if (!Files.isRegularFile(dir.metrics())) {
            return null;
        }
        double total = 0;
        double previous = 0;
        for (Map<String, Double> row : MetricsLog.read(dir.metrics())) {
            Double step = row.get("step");
            Double t = row.get("step_time_s");
            if (step != null && t != null && step <= upTo) {
                total += t * (step - previous);
                previous = step;
            }
        }
        return total;
    }

    private static int resumes(RunDir dir) {
        if (!Files.isRegularFile(dir.events())) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(dir.events())) {
            return (int) lines.filter(l -> l.contains("\"event\":\"resume\"")).count();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + dir.events() + ": " + e.getMessage(), e);
        }
    }

    /** The newest samples/step-N.png with N at most {@code step}: the grid of the weights exported, or the nearest before. */
    private static Optional<Path> newestSampleGrid(RunDir dir, long step) {
        if (!Files.isDirectory(dir.samples())) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(dir.samples())) {
            List<Path> pngs = new ArrayList<>(s.filter(p -> p.getFileName().toString().matches("step-\\d+\\.png"))
                    .filter(p -> Long.parseLong(p.getFileName().toString().replaceAll("\\D", "")) <= step)
                    .sorted().toList());
            return pngs.isEmpty() ? Optional.empty() : Optional.of(pngs.get(pngs.size() - 1));
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir.samples() + ": " + e.getMessage(), e);
        }
    }

    /** A path as the project's commands take it: relative to the project root when inside it. */
    public static String shown(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path root = ProjectRoot.path().toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }
}
