package org.atelier.training.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.datasets.ProjectRoot;
import org.atelier.training.Runs;

/**
 * What a command's RUN argument may name: a run folder ({@code runs/<name>}), one of its checkpoint
 * files, a published model folder, or the bare name of a published model in {@code weights/}.
 *
 * <p>Published models live in {@code weights/<name>/} at the project root (found through
 * {@link ProjectRoot}, as configs and sample images are), not on the class path: they are data
 * that {@code atelier export} writes and git keeps, their SHA-256 is checked from the files as
 * committed, and replacing them needs no rebuild of the jar.
 */
public final class ModelSources {
    /** The folder of published models, relative to the project root. */
    public static final String FOLDER = "weights";

    private ModelSources() {
    }

    /** {@code <project root>/weights}. */
    public static Path publishedRoot() {
        return ProjectRoot.path().resolve(FOLDER);
    }

    /** Names of the published models in {@link #publishedRoot()} (folders holding a model card), sorted. */
    public static List<String> published() {
        Path root = publishedRoot();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(PublishedModel::isPublished).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * The path {@code ref} stands for: itself when it exists, else {@code weights/<ref>} for a bare name.
     *
     * @throws InvalidInputException when neither exists; the message lists the published models
     */
    public static Path resolve(Path ref) {
        if (Files.exists(ref)) {
            return ref;
        }
        if (ref.getNameCount() == 1 && !ref.isAbsolute()) {
            Path named = publishedRoot().resolve(ref);
            if (Files.isDirectory(named)) {
                return named;
            }
        }
        List<String> names = published();
        throw new InvalidInputException(ref + ": no such run folder or checkpoint file, nor a published model of that "
                + "name; published models in " + publishedRoot() + ": "
                + (names.isEmpty() ? "none (make one with 'atelier export RUN --out " + FOLDER + "/NAME')"
                : String.join(", ", names)) + "; runs are folders like runs/<name>");
    }

    /** Resolves {@code ref} and loads it: a published folder with its verified weights, a run with its EMA weights. */
    public static Runs.Loaded load(Path ref) {
        Path p = resolve(ref);
        return looksPublished(p) ? PublishedModel.load(p) : Runs.load(p);
    }

    /**
     * Whether {@code ref} names a model — a published model's bare name, a published folder, a run
     * folder or a checkpoint file — rather than data. Commands that take either (the generated side
     * of {@code metrics distribution}) use it to decide whether to draw samples.
     */
    public static boolean isModel(String ref) {
        Path p = Path.of(ref);
        if (!Files.exists(p)) {
            // only a bare published name can name a model that is not a path here
            return p.getNameCount() == 1 && !p.isAbsolute() && looksPublished(publishedRoot().resolve(p));
        }
        return looksPublished(p) || Files.isDirectory(p.resolve("checkpoints"))
                || Files.isRegularFile(p) && p.getFileName().toString().endsWith(".ckpt");
    }

    /** A model card, or a weights file without a run's checkpoints/ (a published folder that lost its card). */
    private static boolean looksPublished(Path p) {
        return PublishedModel.isPublished(p) || Files.isDirectory(p) && Files.exists(p.resolve(PublishedModel.WEIGHTS))
                && !Files.exists(p.resolve("checkpoints"));
    }
}
