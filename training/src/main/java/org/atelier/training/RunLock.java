package org.atelier.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.atelier.core.errors.InvalidInputException;

/**
 * The one writer of a run folder: an exclusive lock on {@code runs/<name>/.lock}, held from
 * before the first file is written until the training call returns. The operating system
 * releases it when the process dies, however it dies, so a killed run never leaves a stale lock;
 * the file itself stays and holds the last owner's process id, for the refusal message.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = ".lock";
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code runRoot} (creating the folder), or refuses.
     *
     * @throws InvalidInputException when another training holds it, naming that process
     */
    public static RunLock acquire(Path runRoot) {
        Path file = runRoot.resolve(FILE);
        FileChannel ch = null;
        try {
            Files.createDirectories(runRoot);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this same process, e.g. a second training thread
            }
            if (lock == null) {
                String holder = readHolder(ch);
                ch.close();
                throw new InvalidInputException(runRoot + " is being written by another training"
                        + (holder.isEmpty() ? "" : " (process " + holder + ")") + "; wait for it to finish, or pick "
                        + "another --name");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return new RunLock(ch, lock);
        } catch (IOException e) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // the original error is the one to report
                }
            }
            throw new UncheckedIOException("could not lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static String readHolder(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(32);
        ch.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim();
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not release the run lock: " + e.getMessage(), e);
        }
    }
}
