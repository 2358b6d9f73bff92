package org.atelier.training.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads one array entry of a checkpoint in bounded memory. ND4J's binary array format
 * ({@code Nd4j.write}) is two buffers, each a header — allocation mode (modified UTF-8), element
 * count (long), data type (UTF) — and the elements: first the shape information (LONG:
 * rank, the extents, the strides, then flags, element-wise stride and order), then the values.
 * {@code Nd4j.read} allocates whatever element count the header claims, so a 117-byte entry
 * claiming 2³⁰ floats would take 4 GB before failing. Here the headers are parsed first and their
 * claims checked — shape consistent with the count, the count within the caller's budget, the
 * shape equal to the one the model expects — and only then are exactly that many bytes read,
 * hashed while streaming, and handed to ND4J.
 */
final class ArrayEntry {
    /** The allocation mode this build writes (the only one whose element count is a long). */
    private static final String MODE = "MIXED_DATA_TYPES";
    /** Rank limit of ND4J's shape information. */
    private static final int MAX_RANK = 32;
    private static final Map<String, Integer> ELEMENT_BYTES = Map.of("FLOAT", 4, "DOUBLE", 8, "INT", 4, "LONG", 8,
            "HALF", 2, "BFLOAT16", 2);

    private ArrayEntry() {
    }

    /**
     * @param in       the entry's decompressed bytes
     * @param sha256   the hex SHA-256 the checkpoint records for the entry
     * @param expected the shape the model has for this entry, or null when the caller does not know it
     * @param budget   bytes of array data the caller still allows; the entry's data must fit in it
     * @return the array, its data having been counted against the budget by the caller ({@link INDArray#length()})
     */
    static INDArray read(InputStream in, Path file, String entry, String sha256, long[] expected, long budget)
            throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        DigestInputStream hashed = new DigestInputStream(in, digest);
        ByteArrayOutputStream header = new ByteArrayOutputStream(256);
        DataInputStream din = new DataInputStream(new TeeInputStream(hashed, header));
        try {
            long shapeLength = bufferHeader(din, file, entry, "LONG");
            if (shapeLength < 4 || shapeLength > 2L * MAX_RANK + 4 || shapeLength % 2 != 0) {
                throw corrupt(file, entry, "shape information of " + shapeLength + " values");
            }
            long rank = din.readLong();
            if (rank != (shapeLength - 4) / 2) {
                throw corrupt(file, entry, "rank " + rank + " in shape information of " + shapeLength + " values");
            }
            long[] shape = new long[(int) rank];
            long count = 1;
            for (int i = 0; i < rank; i++) {
                shape[i] = din.readLong();
                if (shape[i] < 0) {
                    throw corrupt(file, entry, "negative extent " + shape[i]);
                }
                count = multiply(count, shape[i], file, entry);
            }
            for (long i = rank + 1; i < shapeLength; i++) {
                din.readLong(); // strides, flags, element-wise stride, order: ND4J checks them itself
            }
            if (expected != null && !Arrays.equals(shape, expected)) {
                throw new InvalidInputException(file + ": entry " + entry + " has shape " + Arrays.toString(shape)
                        + ", this model's is " + Arrays.toString(expected) + "; was it written with another config?");
            }
            String[] type = new String[1];
            long values = bufferHeader(din, file, entry, type);
            if (values != count) {
                throw corrupt(file, entry, "shape " + Arrays.toString(shape) + " holds " + count + " values but the data "
                        + "header claims " + values);
            }
            long dataBytes = multiply(values, ELEMENT_BYTES.get(type[0]), file, entry);
            if (dataBytes > budget) {
                throw corrupt(file, entry, "claims " + dataBytes + " bytes of data, more than the " + budget
                        + " bytes left of the checkpoint size limit");
            }
            byte[] data = hashed.readNBytes((int) dataBytes);
            if (data.length < dataBytes) {
                throw corrupt(file, entry, "cut short: " + data.length + " of " + dataBytes + " bytes of data");
            }
            if (hashed.read() != -1) {
                throw corrupt(file, entry, "holds bytes after its data");
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(sha256)) {
                throw new CorruptFileException(file, "entry " + entry + " is damaged (SHA-256 mismatch)");
            }
            return Nd4j.read(new DataInputStream(new SequenceInputStream(
                    new ByteArrayInputStream(header.toByteArray()), new ByteArrayInputStream(data))));
        } catch (EOFException e) {
            throw corrupt(file, entry, "cut short inside its header");
        }
    }

    /** Reads one buffer header; {@code type[0]} receives the data type, which must be a known numeric one. */
    private static long bufferHeader(DataInputStream in, Path file, String entry, String[] type) throws IOException {
        String mode = in.readUTF();
        if (!mode.equals(MODE)) {
            throw corrupt(file, entry, "array encoding '" + abbreviate(mode) + "', expected " + MODE);
        }
        long length = in.readLong();
        if (length < 0) {
            throw corrupt(file, entry, "negative element count " + length);
        }
        type[0] = in.readUTF();
        if (!ELEMENT_BYTES.containsKey(type[0])) {
            throw corrupt(file, entry, "data type '" + abbreviate(type[0]) + "', expected one of "
                    + ELEMENT_BYTES.keySet());
        }
        return length;
    }

    private static long bufferHeader(DataInputStream in, Path file, String entry, String requiredType) throws IOException {
        String[] type = new String[1];
        long length = bufferHeader(in, file, entry, type);
        if (!type[0].equals(requiredType)) {
            throw corrupt(file, entry, "shape information of type " + type[0] + ", expected " + requiredType);
        }
        return length;
    }

    private static long multiply(long a, long b, Path file, String entry) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw corrupt(file, entry, "an element count that overflows");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static CorruptFileException corrupt(Path file, String entry, String problem) {
        return new CorruptFileException(file, "entry " + entry + ": " + problem);
    }

    /** Copies every byte read into a side buffer (the headers, small by the checks above). */
    private static final class TeeInputStream extends java.io.FilterInputStream {
        private final DataOutputStream copy;

        TeeInputStream(InputStream in, ByteArrayOutputStream copy) {
            super(in);
            this.copy = new DataOutputStream(copy);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                copy.write(b, off, n);
            }
            return n;
        }
    }
}
