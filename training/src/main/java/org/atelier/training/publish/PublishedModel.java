package org.atelier.training.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.atelier.core.config.ConfigLoader;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.io.Hashing;
import org.atelier.core.io.Json;
import org.atelier.models.Trainable;
import org.atelier.training.DataShape;
import org.atelier.training.Families;
import org.atelier.training.RunDir;
import org.atelier.training.Runs;
import org.atelier.training.Trainer;
import org.atelier.training.config.RunConfig;

/**
 * A published model folder, as {@link ModelExport} writes it and {@code weights/<name>/} holds it:
 * <pre>
 *   model-card.json   {@link ModelCard}: training facts, SHA-256 of every other file, reproducing commands
 *   config.yaml       the run's resolved config
 *   data.json         the data's shape (channels, size, class names, attribute values)
 *   weights.ckpt      inference weights only: EMA values (trained values where no EMA is kept) and buffers,
 *                     in the checkpoint format (one zip, an SHA-256 per array); no optimiser state
 *   provenance.json   the run's provenance (git commit, dataset hash, backend), when the run had one
 *   samples.png       the run's newest sample grid, when it had one
 * </pre>
 * The card is written last, so a folder without it is an interrupted export, never a model.
 */
public final class PublishedModel {
    public static final int FORMAT = 1;
    public static final String CARD = "model-card.json";
    public static final String CONFIG = "config.yaml";
    public static final String DATA = "data.json";
    public static final String WEIGHTS = "weights.ckpt";
    public static final String PROVENANCE = "provenance.json";
    public static final String SAMPLES = "samples.png";
    /** Every file an export may write, the card last. */
    static final List<String> ALL = List.of(CONFIG, DATA, WEIGHTS, PROVENANCE, SAMPLES, CARD);

    private PublishedModel() {
    }

    /** True when {@code dir} is a folder holding a model card. */
    public static boolean isPublished(Path dir) {
        return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(CARD));
    }

    /** Reads the card of {@code dir} without checking the other files. */
    public static ModelCard card(Path dir) {
        Path file = dir.resolve(CARD);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(dir + ": not a published model folder (no " + CARD + "); make one with "
                    + "'atelier export RUN --out " + dir + "'");
        }
        ModelCard card;
        try {
            card = Json.mapper().readValue(file.toFile(), ModelCard.class);
        } catch (IOException e) {
            throw new CorruptFileException(file, "not a readable model card (" + e.getMessage() + ")", e);
        }
        if (card.format() != FORMAT) {
            throw new CorruptFileException(file, "model card format " + card.format() + ", this build reads " + FORMAT);
        }
        if (card.files() != null && !ALL.containsAll(card.files().keySet())) {
            // the names are resolved in the folder: "../x" would read outside it
            throw new CorruptFileException(file, "the card lists files " + card.files().keySet() + "; a published model "
                    + "holds only " + ALL);
        }
        if (card.files() == null || card.weights() == null || card.files().get(card.weights().file()) == null
                || !card.files().get(card.weights().file()).equals(card.weights().sha256())) {
            throw new CorruptFileException(file, "the card's file list does not record the weights file's SHA-256; "
                    + "re-export the model");
        }
        return card;
    }

    /**
     * Checks every file the card lists against its SHA-256; a missing or changed file is a
     * {@link CorruptFileException} naming it.
     */
    public static ModelCard verify(Path dir) {
        ModelCard card = card(dir);
        for (Map.Entry<String, String> e : card.files().entrySet()) {
            Path f = dir.resolve(e.getKey());
            if (!Files.isRegularFile(f)) {
                throw new CorruptFileException(f, "missing from the published model " + dir + " (its " + CARD
                        + " lists it); restore it, e.g. 'git checkout -- " + f + "', or re-export: " + reproduce(card));
            }
            String actual = Hashing.sha256(f);
            if (!actual.equals(e.getValue())) {
                throw new CorruptFileException(f, "changed or damaged since export: its SHA-256 is " + actual + " but "
                        + CARD + " records " + e.getValue() + "; restore it, e.g. 'git checkout -- " + f
                        + "', or re-export: " + reproduce(card));
            }
        }
        return card;
    }

    /**
     * Verifies the folder, then builds the model its config describes with the published weights, ready to
     * sample. The result names the folder as its run folder and the weights file as its checkpoint.
     */
    public static Runs.Loaded load(Path dir) {
        ModelCard card = verify(dir);
        Path configFile = dir.resolve(CONFIG);
        RunConfig cfg = ConfigLoader.load(configFile, RunConfig.class, List.of());
        if (!ConfigLoader.hash(cfg).equals(card.configHash())) {
            throw new CorruptFileException(dir.resolve(CARD), "config_hash " + card.configHash() + " does not match "
                    + configFile + " (" + ConfigLoader.hash(cfg) + "); re-export the model");
        }
        DataShape shape = readShape(dir.resolve(DATA));
        Trainable model = Families.create(cfg, shape, configFile.toString());
        Path weights = dir.resolve(card.weights().file());
        try {
            Trainer.loadForInference(model, weights);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(weights + ": does not fit the model " + configFile + " describes ("
                    + e.getMessage() + ")", e);
        }
        return new Runs.Loaded(new RunDir(dir), cfg, model, weights);
    }

    static DataShape readShape(Path file) {
        try {
            return Json.mapper().readValue(file.toFile(), DataShape.class);
        } catch (IOException e) {
            throw new CorruptFileException(file, "cannot read the data shape (" + e.getMessage() + ")", e);
        }
    }

    private static String reproduce(ModelCard card) {
        return card.reproduce() == null || card.reproduce().isEmpty() ? "atelier export RUN"
                : String.join(" && ", card.reproduce());
    }
}
