package org.atelier.models.features;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.io.AtomicFiles;

/**
 * A tiny, deterministic container for named float32 tensors: the bytes depend only on the
 * names, shapes and values, so a SHA-256 of the file identifies the weights. (SameDiff's own
 * FlatBuffers file also stores the graph and varies with the ND4J version; the graph is built
 * in code here, so only the numbers need to be stored.)
 *
 * <p>Layout, big-endian: magic {@code ATLW}, version 1, tensor count; then per tensor its
 * name (modified UTF-8), rank, dimensions, and {@code prod(dims)} float32 values in C order.
 */
public final class WeightsFile {
    private static final int MAGIC = 0x41544C57; // "ATLW"
    private static final int VERSION = 1;
    /** Guards against absurd allocations from a corrupt header. */
    private static final long MAX_VALUES = 1L << 28;

    private WeightsFile() {
    }

    /** One named tensor: C-order values and their shape. */
    public record Tensor(long[] shape, float[] values) {
        public Tensor {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            if (n != values.length) {
                throw new IllegalArgumentException("shape holds " + n + " values, got " + values.length);
            }
        }
    }

    public static byte[] encode(Map<String, Tensor> tensors) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(tensors.size());
            for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                out.writeUTF(e.getKey());
                long[] shape = e.getValue().shape();
                out.writeInt(shape.length);
                for (long d : shape) {
                    out.writeLong(d);
                }
                for (float v : e.getValue().values()) {
                    out.writeFloat(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static void write(Path file, Map<String, Tensor> tensors) {
        AtomicFiles.writeBytes(file, encode(tensors));
    }

    /** Decodes bytes read from {@code source} (named in errors); insertion order is kept. */
    public static Map<String, Tensor> decode(byte[] data, Path source) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != MAGIC) {
                throw new CorruptFileException(source, "not an Atelier weights file (bad magic)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new CorruptFileException(source, "weights file version " + version + ", expected " + VERSION);
            }
            int count = in.readInt();
            for (int t = 0; t < count; t++) {
                String name = in.readUTF();
                int rank = in.readInt();
                if (rank < 0 || rank > 8) {
                    throw new CorruptFileException(source, "tensor '" + name + "' has rank " + rank);
                }
                long[] shape = new long[rank];
                long n = 1;
                for (int i = 0; i < rank; i++) {
                    shape[i] = in.readLong();
                    n *= shape[i];
                    if (shape[i] < 0 || n > MAX_VALUES) {
                        throw new CorruptFileException(source, "tensor '" + name + "' has an impossible shape");
                    }
                }
                float[] values = new float[(int) n];
                for (int i = 0; i < values.length; i++) {
                    values[i] = in.readFloat();
                }
                out.put(name, new Tensor(shape, values));
            }
            if (in.read() != -1) {
                throw new CorruptFileException(source, "trailing bytes after the last tensor");
            }
        } catch (EOFException e) {
            throw new CorruptFileException(source, "truncated weights file", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
