package org.atelier.evaluation.distribution;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;

/**
 * Streams grey images out of an IDX file (LeCun's MNIST format: magic {@code 0x00000803} =
 * unsigned bytes in 3 dimensions, then N, rows, columns big-endian, then the pixels), plain or
 * gzip'd (recognised by its magic bytes, not the name). One image is held at a time, so a
 * 100k-image file costs no more memory than a 10k one.
 *
 * <p>TODO: switch to org.atelier.datasets.idx.IdxReader once the datasets branch is merged.
 */
public final class IdxImageReader implements AutoCloseable {
    private static final int MAGIC_UBYTE_3D = 0x00000803;

    private final Path file;
    private final DataInputStream in;
    private final int count;
    private final int rows;
    private final int cols;
    private final byte[] buffer;
    private int read;

    public IdxImageReader(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such IDX file");
        }
        this.file = file;
        try {
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            this.in = new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw);
            int magic = in.readInt();
            if (magic != MAGIC_UBYTE_3D) {
                in.close();
                throw new CorruptFileException(file, String.format(
                        "IDX magic 0x%08x; expected 0x00000803 (unsigned-byte images, 3 dimensions)", magic));
            }
            this.count = in.readInt();
            this.rows = in.readInt();
            this.cols = in.readInt();
            if (count < 0 || rows <= 0 || cols <= 0 || (long) rows * cols > ImageFiles.DEFAULT_MAX_PIXELS) {
                in.close();
                throw new CorruptFileException(file, "impossible IDX header: " + count + " images of " + rows + "x" + cols);
            }
            this.buffer = new byte[rows * cols];
        } catch (EOFException e) {
            throw new CorruptFileException(file, "truncated IDX header", e);
        } catch (IOException e) {
            throw new CorruptFileException(file, "unreadable IDX file (" + e.getMessage() + ")", e);
        }
    }

    public int count() {
        return count;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public boolean hasNext() {
        return read < count;
    }

    /** The next image, 1×rows×cols in [-1, 1]. */
    public Image next() {
        if (!hasNext()) {
            throw new IllegalStateException("all " + count + " images were read");
        }
        try {
            in.readFully(buffer);
        } catch (EOFException e) {
            throw new CorruptFileException(file, "truncated: header promises " + count + " images, data ends at image "
                    + read, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        read++;
        float[] p = new float[buffer.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = ImageFiles.toUnit(buffer[i] & 0xff);
        }
        return new Image(1, rows, cols, p);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
