package org.atelier.training.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.atelier.core.errors.InvalidInputException;

/**
 * A run's {@code checkpoints/} folder: files {@code step-00001000.ckpt}, the newest K kept.
 * Temp files of an interrupted write start with a dot and are never listed.
 */
public final class CheckpointStore {
    private static final Pattern NAME = Pattern.compile("step-(\\d{8,})\\.ckpt");
    private final Path dir;
    private final int keep;

    public CheckpointStore(Path dir, int keep) {
        this.dir = dir;
        this.keep = keep;
    }

    public Path dir() {
        return dir;
    }

    public Path pathFor(long step) {
        return dir.resolve(String.format("step-%08d.ckpt", step));
    }

    /** Writes atomically, then deletes all but the newest {@code keep}. */
    public Path save(Checkpoint ckpt) {
        Path file = pathFor(ckpt.meta().step());
        CheckpointFiles.write(file, ckpt);
        List<Path> all = list();
        for (int i = keep; i < all.size(); i++) {
            try {
                Files.deleteIfExists(all.get(i));
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete old checkpoint " + all.get(i), e);
            }
        }
        return file;
    }

    /** Checkpoint files, newest (highest step) first. */
    public List<Path> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> NAME.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p))
                    .sorted((a, b) -> Long.compare(stepOf(b), stepOf(a)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir, e);
        }
    }

    public Optional<Path> latest() {
        List<Path> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    public static long stepOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(file + " is not named step-NNNNNNNN.ckpt");
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * What {@code --resume} names: a run folder (its newest checkpoint) or one checkpoint file.
     * Errors name the path and what was expected there.
     */
    public static Path resolveResume(Path target) {
        if (Files.isRegularFile(target)) {
            return target;
        }
        if (!Files.isDirectory(target)) {
            throw new InvalidInputException(target + ": no such run folder or checkpoint file (expected runs/<name> "
                    + "or runs/<name>/checkpoints/step-NNNNNNNN.ckpt)");
        }
        Path ckDir = Files.isDirectory(target.resolve("checkpoints")) ? target.resolve("checkpoints") : target;
        return new CheckpointStore(ckDir, Integer.MAX_VALUE).latest().orElseThrow(() -> new InvalidInputException(
                target + ": no checkpoint found (expected files step-NNNNNNNN.ckpt in " + ckDir + ")"));
    }
}
