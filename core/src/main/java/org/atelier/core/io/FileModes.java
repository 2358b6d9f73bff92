package org.atelier.core.io;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The permissions a plain file create gets under this process's umask, so that files written by
 * temp file and rename end with the same mode as a file written in place.
 *
 * <p>Why a probe: {@link Files#createTempFile} always creates mode 0600 (it must not expose a
 * half-written temp file to others), and Java has no call that reads the umask. The umask is a
 * per-process setting, so one probe — a file created with no explicit permissions, whose mode
 * the kernel computes as 0666 &amp; ~umask, read back and deleted — answers for the whole run.
 * Reading {@code /proc/self/status} ({@code Umask:}) would do too, but only on Linux; the probe works
 * on every POSIX file system.
 */
public final class FileModes {
    private static volatile Optional<Set<PosixFilePermission>> plainCreate;

    private FileModes() {
    }

    /** The mode of a freshly created plain file, or empty where the file system has no POSIX permissions. */
    public static Optional<Set<PosixFilePermission>> plainCreate() {
        Optional<Set<PosixFilePermission>> p = plainCreate;
        if (p == null) {
            p = probe();
            plainCreate = p;
        }
        return p;
    }

    private static Optional<Set<PosixFilePermission>> probe() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Optional.empty();
        }
        Path probe = Path.of(System.getProperty("java.io.tmpdir"), ".atelier-umask-probe-" + UUID.randomUUID());
        try {
            Files.createFile(probe);
            return Optional.of(Set.copyOf(Files.getPosixFilePermissions(probe)));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // a probe left in the temp folder is harmless and named as such
            }
        }
    }

    /**
     * Gives {@code tmp} the mode {@code target} should end with: the target's own mode when it
     * exists (as an in-place overwrite keeps it), else the plain-create mode.
     */
    static void matchPlainWrite(Path tmp, Path target) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        if (Files.exists(target)) {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
            return;
        }
        Optional<Set<PosixFilePermission>> mode = plainCreate();
        if (mode.isPresent()) {
            Files.setPosixFilePermissions(tmp, mode.get());
        }
    }
}
