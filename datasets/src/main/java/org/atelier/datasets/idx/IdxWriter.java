package org.atelier.datasets.idx;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.atelier.core.io.AtomicFiles;

/** Writes an {@link IdxArray} as an unsigned-byte IDX file (see {@link IdxReader}), atomically. */
public final class IdxWriter {
    private IdxWriter() {
    }

    /** Writes {@code array} to {@code file}, gzip-compressed when {@code gzip} is true. */
    public static void write(IdxArray array, Path file, boolean gzip) {
        AtomicFiles.write(file, out -> {
            if (gzip) {
                // Closing the gzip layer frees its native deflater; NonClosing keeps the target open.
                try (GZIPOutputStream z = new GZIPOutputStream(new NonClosing(out), 1 << 16)) {
                    writeTo(array, z);
                }
            } else {
                writeTo(array, out);
            }
        });
    }

    private static void writeTo(IdxArray array, OutputStream out) throws IOException {
        out.write(new byte[] {0, 0, 0x08, (byte) array.rank()});
        for (int d : array.dims()) {
            out.write(new byte[] {(byte) (d >>> 24), (byte) (d >>> 16), (byte) (d >>> 8), (byte) d});
        }
        out.write(array.data());
    }

    /** AtomicFiles owns the target stream; the gzip layer must not close it. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
