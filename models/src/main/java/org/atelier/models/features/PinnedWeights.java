package org.atelier.models.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.io.Hashing;

/**
 * Reading a feature extractor's weights file, from this package's class-path resources or from
 * a file, and refusing it unless its SHA-256 is the one pinned for it: a changed or corrupt
 * file is never used silently.
 */
final class PinnedWeights {
    private PinnedWeights() {
    }

    /** Makes an extractor from verified weight bytes; {@code source} names them in errors. */
    @FunctionalInterface
    interface Loader<T> {
        T fromBytes(byte[] bytes, Path source, String expectedSha256);
    }

    /** Loads the resource {@code resource} next to this class, named {@code classpath:...} in errors. */
    static <T> T fromClassPath(String resource, String id, String expectedSha256, Loader<T> loader) {
        Path source = Path.of("classpath:org/atelier/models/features/" + resource);
        try (InputStream in = PinnedWeights.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidInputException(source + ": the " + id + " weights are missing from the class path");
            }
            return loader.fromBytes(in.readAllBytes(), source, expectedSha256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads {@code file}, requiring the given SHA-256 (lower-case hex). */
    static <T> T fromFile(Path file, String expectedSha256, Loader<T> loader) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such weights file");
        }
        try {
            return loader.fromBytes(Files.readAllBytes(file), file, expectedSha256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The SHA-256 of {@code bytes}, which must equal {@code expectedSha256}.
     *
     * @param retrain the script that makes these weights, named in the error
     * @throws CorruptFileException naming both hashes when they differ
     */
    static String verify(byte[] bytes, Path source, String expectedSha256, String id, String retrain) {
        String actual = Hashing.sha256(bytes);
        if (!actual.equals(expectedSha256)) {
            throw new CorruptFileException(source, "SHA-256 of the " + id + " weights is " + actual + ", expected "
                    + expectedSha256 + " (retrain with " + retrain + " or restore the committed file)");
        }
        return actual;
    }
}
