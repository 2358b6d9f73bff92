package org.atelier.models.nst;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes float32 .npz archives the way numpy.savez does (NPY version 1.0, C order, stored entries), for tests. */
final class NpzWriter {
    private NpzWriter() {
    }

    /** @param arrays name → (shape, values in C order) */
    static void write(Path file, Map<String, Array> arrays) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, Array> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(npy(e.getValue()));
                zip.closeEntry();
            }
        }
    }

    record Array(long[] shape, float[] values) {
    }

    static byte[] npy(Array a) {
        String dims = LongStream.of(a.shape()).mapToObj(Long::toString).collect(Collectors.joining(", "));
        if (a.shape().length == 1) {
            dims += ",";
        }
        StringBuilder h = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }");
        // header padded with spaces so magic + version + length + header is a multiple of 64, ending in \n
        while ((10 + h.length() + 1) % 64 != 0) {
            h.append(' ');
        }
        h.append('\n');
        byte[] header = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + header.length + 4 * a.values().length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.putShort((short) header.length);
        b.put(header);
        for (float v : a.values()) {
            b.putFloat(v);
        }
        return b.array();
    }
}
