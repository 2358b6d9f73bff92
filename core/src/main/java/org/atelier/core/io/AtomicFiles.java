package org.atelier.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes files so that a reader sees either the old complete file or the new complete one,
 * never a torn one: write a temp file beside the target, fsync it, rename over the target,
 * fsync the folder. A crash at any point leaves the previous version intact.
 *
 * <p>The temp file is {@code .<target name>.<random digits>.tmp} beside the target: hidden, named
 * after what it was to become, and recognised by {@link #isTemp} so that the owner of a folder can
 * remove what a killed writer left ({@link #removeStaleTemps}). Before the rename it is given the
 * mode a plain write would have given the target ({@link FileModes}): the target's own mode when it
 * exists, else 0666 less the umask — not the 0600 every temp file is created with.
 */
public final class AtomicFiles {
    /**
     * {@code .NAME.DIGITS.tmp}, as {@link Files#createTempFile} makes it from our prefix and suffix;
     * the dot before the digits is optional so that temp files of earlier versions match too.
     */
    private static final Pattern TEMP = Pattern.compile("\\..+\\.?\\d+\\.tmp");

    private AtomicFiles() {
    }

    /** Body of an atomic write; the stream must not be closed by the writer. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    public static void write(Path target, Writer writer) {
        FileNames.writable(target);
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(ch);
                writer.write(out);
                out.flush();
                ch.force(true);
            }
            FileModes.matchPlainWrite(tmp, target);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temp file is hidden and named after the target; leaving it is harmless
                }
            }
        }
    }

    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static void writeBytes(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    /** True for a temp file this class writes (whatever target it was for). */
    public static boolean isTemp(Path file) {
        return TEMP.matcher(file.getFileName().toString()).matches();
    }

    /**
     * Deletes the temp files that killed writers left in {@code dir} (not recursively). Only the
     * folder's single writer may call this — another live writer's temp file would go too.
     *
     * @return the files deleted
     */
    public static List<Path> removeStaleTemps(Path dir) {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s.filter(AtomicFiles::isTemp)::iterator) {
                if (Files.deleteIfExists(p)) {
                    removed.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clean temp files in " + dir + ": " + e.getMessage(), e);
        }
        return removed;
    }

    /** Makes the rename durable; some file systems refuse to open a folder, which is then skipped. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // durability of the rename is best effort where the platform does not allow it
        }
    }
}
