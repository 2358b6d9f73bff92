package org.atelier.datasets.idx;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST, raw or gzip-compressed.
 *
 * <p>Format (LeCun et al., "THE MNIST DATABASE of handwritten digits", file-format section):
 * two zero bytes, a type byte ({@code 0x08} unsigned byte, {@code 0x09} signed byte,
 * {@code 0x0B} short, {@code 0x0C} int, {@code 0x0D} float, {@code 0x0E} double), a rank byte,
 * then one big-endian 32-bit extent per axis, then the values in row-major order. Only
 * {@code 0x08} is supported here: it is the only type the image datasets use.
 *
 * <p>Compression is recognised by the gzip magic bytes {@code 1f 8b}, not by the file name,
 * so a renamed file still reads. The data length must equal the product of the extents
 * exactly: a short file and a file with bytes after the data are both refused.
 */
public final class IdxReader {
    private static final int GZIP_MAGIC_0 = 0x1f;
    private static final int GZIP_MAGIC_1 = 0x8b;
    /** Largest Java array; a header declaring more cannot be held in one byte[]. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private IdxReader() {
    }

    /**
     * Reads {@code file}.
     *
     * @throws InvalidInputException when the file does not exist, or holds a type other than unsigned byte
     * @throws CorruptFileException  when the header, the gzip stream or the data length is wrong
     */
    public static IdxArray read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such IDX file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such IDX file");
        } catch (IOException e) {
            throw new CorruptFileException(file, "could not be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads IDX bytes already in memory (e.g. a class-path resource); {@code source} only
     * names them in error messages.
     */
    public static IdxArray read(byte[] bytes, Path source) {
        try {
            return read(new ByteArrayInputStream(bytes), source);
        } catch (IOException e) {
            throw new CorruptFileException(source, "could not be read (" + e.getMessage() + ")", e);
        }
    }

    private static IdxArray read(InputStream raw, Path source) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        boolean gzip = b0 == GZIP_MAGIC_0 && b1 == GZIP_MAGIC_1;
        try {
            InputStream in = gzip ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16) : buffered;
            return parse(in, source);
        } catch (ZipException | EOFException e) {
            // EOFException here comes from inflating a cut-off gzip stream: parse() itself
            // counts bytes and never lets an EOFException escape.
            if (!gzip) {
                throw e;
            }
            throw new CorruptFileException(source, "corrupt gzip stream (" + e.getMessage() + ")", e);
        }
    }

    private static IdxArray parse(InputStream in, Path source) throws IOException {
        byte[] fixed = in.readNBytes(4);
        if (fixed.length < 4) {
            throw new CorruptFileException(source, "truncated header: " + fixed.length
                    + " bytes, an IDX header needs at least 4");
        }
        if (fixed[0] != 0 || fixed[1] != 0) {
            throw new CorruptFileException(source, String.format(
                    "not an IDX file: magic starts with %02x %02x, expected 00 00", fixed[0] & 0xff, fixed[1] & 0xff));
        }
        int type = fixed[2] & 0xff;
        checkType(type, source);
        int rank = fixed[3] & 0xff;
        if (rank < 1 || rank > 4) {
            throw new CorruptFileException(source, "rank " + rank + " in the header, expected 1 to 4");
        }
        byte[] dimBytes = in.readNBytes(4 * rank);
        if (dimBytes.length < 4 * rank) {
            throw new CorruptFileException(source, "truncated header: rank " + rank + " needs " + 4 * rank
                    + " bytes of dimensions, found " + dimBytes.length);
        }
        int[] dims = new int[rank];
        long n = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = ((dimBytes[4 * i] & 0xff) << 24) | ((dimBytes[4 * i + 1] & 0xff) << 16)
                    | ((dimBytes[4 * i + 2] & 0xff) << 8) | (dimBytes[4 * i + 3] & 0xff);
            if (dims[i] <= 0) {
                throw new CorruptFileException(source, "dimension " + i + " is " + dims[i] + ", expected > 0");
            }
            n *= dims[i];
            if (n > MAX_BYTES) {
                throw new CorruptFileException(source, "header declares more than " + MAX_BYTES
                        + " bytes of data, too large for one array");
            }
        }
        byte[] data = in.readNBytes((int) n);
        if (data.length < n) {
            throw new CorruptFileException(source, "truncated: expected " + n
                    + " bytes of data after the header, found " + data.length);
        }
        long trailing = 0;
        byte[] sink = new byte[8192];
        for (int k; (k = in.read(sink)) > 0; ) {
            trailing += k;
        }
        if (trailing > 0) {
            throw new CorruptFileException(source, trailing + " trailing bytes after the " + n
                    + " bytes of data the header declares");
        }
        return new IdxArray(dims, data);
    }

    private static void checkType(int type, Path source) {
        String name = switch (type) {
            case 0x08 -> null;
            case 0x09 -> "signed byte";
            case 0x0B -> "16-bit short";
            case 0x0C -> "32-bit int";
            case 0x0D -> "32-bit float";
            case 0x0E -> "64-bit double";
            default -> throw new CorruptFileException(source, String.format(
                    "unknown IDX type byte 0x%02X, expected 0x08 (unsigned byte)", type));
        };
        if (name != null) {
            throw new InvalidInputException(source + String.format(
                    ": IDX type 0x%02X (%s) is not supported, only 0x08 (unsigned byte)", type, name));
        }
    }
}
