package org.atelier.models.nst;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads NumPy {@code .npz} archives ({@code numpy.savez} and {@code numpy.savez_compressed}):
 * a ZIP of {@code .npy} files, each a magic string, a version, a header dict
 * ({@code descr}, {@code fortran_order}, {@code shape}) and the raw array (NumPy's "NPY format"
 * specification, versions 1–3).
 *
 * <p>Hand-written rather than {@code Nd4j.createFromNpzFile}: measured on ND4J 1.0.0-M2.1, that
 * reader rejects {@code savez_compressed} archives ("Unsupported data type") and loops forever on
 * a truncated file, while a weights file a user copied is exactly what may arrive truncated. Here
 * the JDK's {@link ZipFile} handles both stored and deflated entries, and every header field and
 * the data length are checked, so a bad file fails at once with a message naming it.
 *
 * <p>Memory is bounded on a crafted file: each entry is streamed, its header (at most
 * {@link #MAX_HEADER_BYTES}) parsed first, and its declared data size checked against what is
 * left of {@link #MAX_ARRAY_BYTES} before exactly that many bytes are read; a deflated entry that
 * inflates past its declared size is refused at the first extra byte.
 */
public final class Npz {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /**
     * Most array data one archive may hold (1 GiB in all): torchvision's whole VGG-19 state dict,
     * classifier included, is 548 MB in float32; the convolutions alone are 80 MB.
     */
    public static final long MAX_ARRAY_BYTES = 1L << 30;
    /** Most bytes of one .npy header dict (NumPy pads it to 64 bytes; a few hundred in practice). */
    static final int MAX_HEADER_BYTES = 1 << 16;

    private Npz() {
    }

    /**
     * Every array in {@code file} as a float32 C-order INDArray, keyed by its name without
     * {@code .npy}, in archive order. float32 and float64 arrays (either byte order) are read.
     *
     * @throws InvalidInputException when the file does not exist
     * @throws CorruptFileException  when it is not a ZIP, or an entry is not a valid float array
     */
    public static Map<String, INDArray> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such file");
        }
        Map<String, INDArray> out = new LinkedHashMap<>();
        long budget = MAX_ARRAY_BYTES;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String name = e.getName().endsWith(".npy") ? e.getName().substring(0, e.getName().length() - 4) : e.getName();
                try (InputStream in = zip.getInputStream(e)) {
                    INDArray a = readNpy(in, file, e.getName(), budget);
                    budget -= a.length() * 4;
                    out.put(name, a);
                }
            }
        } catch (ZipException e) {
            throw new CorruptFileException(file, "not a readable .npz archive (expected a ZIP of .npy files as "
                    + "numpy.savez writes; " + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new CorruptFileException(file, "cannot read the .npz archive (" + e.getMessage() + ")", e);
        }
        if (out.isEmpty()) {
            throw new CorruptFileException(file, "the .npz archive holds no arrays");
        }
        return out;
    }

    /**
     * Parses one {@code .npy} stream; {@code entry} names it in errors. Its data (as stored, and as the
     * float32 it becomes) must fit in {@code budget} bytes.
     */
    static INDArray readNpy(InputStream in, Path file, String entry, long budget) throws IOException {
        String where = "entry " + entry + ": ";
        byte[] prelude = in.readNBytes(10);
        if (prelude.length < 10 || !java.util.Arrays.equals(java.util.Arrays.copyOf(prelude, 6), MAGIC)) {
            throw new CorruptFileException(file, where + "not an .npy array (expected the \\x93NUMPY magic)");
        }
        int major = prelude[6] & 0xff;
        long headerLen;
        if (major == 1) {
            headerLen = ByteBuffer.wrap(prelude, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
        } else if (major == 2 || major == 3) {
            byte[] rest = in.readNBytes(2);
            if (rest.length < 2) {
                throw new CorruptFileException(file, where + "truncated header");
            }
            byte[] four = {prelude[8], prelude[9], rest[0], rest[1]};
            headerLen = ByteBuffer.wrap(four).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
        } else {
            throw new CorruptFileException(file, where + "unsupported .npy version " + major + " (expected 1, 2 or 3)");
        }
        if (headerLen > MAX_HEADER_BYTES) {
            throw new CorruptFileException(file, where + "header of " + headerLen + " bytes, above the "
                    + MAX_HEADER_BYTES + " a .npy header can need");
        }
        byte[] headerBytes = in.readNBytes((int) headerLen);
        if (headerBytes.length < headerLen) {
            throw new CorruptFileException(file, where + "truncated header");
        }
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = field(DESCR, header, file, where, "descr");
        boolean fortran = field(FORTRAN, header, file, where, "fortran_order").equals("True");
        long[] shape = shape(field(SHAPE, header, file, where, "shape"), file, where);
        int item;
        if (descr.equals("<f4") || descr.equals(">f4")) {
            item = 4;
        } else if (descr.equals("<f8") || descr.equals(">f8")) {
            item = 8;
        } else {
            throw new CorruptFileException(file, where + "data type '" + descr + "' is not supported; expected float32 "
                    + "or float64 (convert with .float() in torch or .astype(numpy.float32))");
        }
        ByteOrder order = descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        long count = 1;
        try {
            for (long d : shape) {
                count = Math.multiplyExact(count, d);
            }
            Math.multiplyExact(count, (long) item);
        } catch (ArithmeticException e) {
            throw new CorruptFileException(file, where + "shape " + java.util.Arrays.toString(shape) + " overflows");
        }
        long dataBytes = count * item;
        if (dataBytes > budget) {
            throw new CorruptFileException(file, where + "shape " + java.util.Arrays.toString(shape) + " (" + descr
                    + ") needs " + dataBytes + " bytes, more than the " + budget + " left of the archive's limit of "
                    + MAX_ARRAY_BYTES);
        }
        byte[] b = in.readNBytes((int) dataBytes);
        if (b.length != dataBytes || in.read() != -1) {
            // not skipped to the end: a deflate bomb would be inflated just to count its bytes
            throw new CorruptFileException(file, where + "holds " + (b.length < dataBytes ? b.length : "more than " + dataBytes)
                    + " bytes of data but its header (" + descr + ", shape " + java.util.Arrays.toString(shape)
                    + ") promises " + dataBytes + " (truncated or corrupt)");
        }
        float[] values = new float[(int) count];
        ByteBuffer d = ByteBuffer.wrap(b).order(order);
        for (int i = 0; i < values.length; i++) {
            values[i] = item == 4 ? d.getFloat(i * 4) : (float) d.getDouble(i * 8);
        }
        long[] ndShape = shape.length == 0 ? new long[] {1} : shape;
        INDArray a = Nd4j.create(values, ndShape, fortran ? 'f' : 'c');
        return fortran ? a.dup('c') : a;
    }

    private static String field(Pattern p, String header, Path file, String where, String name) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new CorruptFileException(file, where + "header has no '" + name + "' (expected a dict with descr, "
                    + "fortran_order and shape, got " + header.trim() + ")");
        }
        return m.group(1);
    }

    private static long[] shape(String text, Path file, String where) {
        List<Long> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String t = part.trim();
            if (t.isEmpty()) {
                continue;
            }
            try {
                long v = Long.parseLong(t.endsWith("L") ? t.substring(0, t.length() - 1) : t);
                if (v < 0) {
                    throw new NumberFormatException();
                }
                dims.add(v);
            } catch (NumberFormatException e) {
                throw new CorruptFileException(file, where + "bad shape (" + text + ")");
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }
}
