package org.atelier.training.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.io.Hashing;
import org.atelier.core.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 5: a crafted checkpoint used to exhaust memory — an entry of gigabytes of zeros
 * (a few MB deflated) was read whole before its SHA-256 was checked, and a 117-byte array header
 * claiming 2³⁰ floats made ND4J allocate 4 GB. Both are refused now with the heap barely touched.
 */
class HostileCheckpointTest {
    @TempDir
    Path tmp;

    /** A checkpoint whose only array entry, params/w, is written by {@code body}, recorded with {@code sha}. */
    private Path crafted(String name, String sha, EntryBody body) throws IOException {
        CheckpointMeta meta = new CheckpointMeta(CheckpointFiles.FORMAT, 0, 1, 0, null, Map.of(), null, Map.of(), 0,
                Map.of("params/w", sha));
        Path f = tmp.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(f))) {
            zip.setLevel(1);
            zip.putNextEntry(new ZipEntry(CheckpointFiles.META));
            zip.write(Json.mapper().writeValueAsBytes(meta));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("params/w"));
            body.write(zip);
            zip.closeEntry();
        }
        return f;
    }

    @FunctionalInterface
    private interface EntryBody {
        void write(OutputStream out) throws IOException;
    }

    /** ND4J's array header for a rank-1 FLOAT array of {@code n} values, without the values. */
    static byte[] floatHeader(long n) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeUTF("MIXED_DATA_TYPES");
        out.writeLong(6);
        out.writeUTF("LONG");
        for (long v : new long[] {1, n, 1, 8192, 1, 'c'}) {
            out.writeLong(v);
        }
        out.writeUTF("MIXED_DATA_TYPES");
        out.writeLong(n);
        out.writeUTF("FLOAT");
        return b.toByteArray();
    }

    @Test
    void aHeaderClaimingABillionFloatsIsRefusedBeforeAnyAllocation() throws IOException {
        byte[] header = floatHeader(1L << 30);
        assertTrue(header.length < 120, "a header of " + header.length + " bytes");
        Path f = crafted("claims.ckpt", Hashing.sha256(header), out -> out.write(header));
        long before = allocated();
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> CheckpointFiles.read(f));
        assertTrue(e.getMessage().contains("params/w") && e.getMessage().contains("size limit"), e.getMessage());
        assertTrue(allocated() - before < 16L << 20, "allocated " + (allocated() - before) + " bytes");
    }

    @Test
    void gigabytesOfZerosInOneEntryAreRefusedWithoutReadingThemWhole() throws IOException {
        byte[] zeros = new byte[1 << 20];
        Path f = crafted("zeros.ckpt", "0".repeat(64), out -> {
            for (int i = 0; i < 256; i++) { // 256 MiB, about 1 MB once deflated
                out.write(zeros);
            }
        });
        assertTrue(Files.size(f) < 4L << 20, Files.size(f) + " bytes on disk");
        long before = allocated();
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> CheckpointFiles.read(f));
        assertTrue(e.getMessage().contains("params/w"), e.getMessage());
        assertTrue(allocated() - before < 16L << 20, "allocated " + (allocated() - before) + " bytes: read whole");
    }

    @Test
    void aHeaderThatUnderstatesItsDataIsRefusedAtTheFirstExtraByte() throws IOException {
        byte[] header = floatHeader(2);
        byte[] data = new byte[8 + 4096];
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(header);
        all.write(data);
        Path f = crafted("trailing.ckpt", Hashing.sha256(all.toByteArray()), out -> out.write(all.toByteArray()));
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> CheckpointFiles.read(f));
        assertTrue(e.getMessage().contains("bytes after its data"), e.getMessage());
    }

    @Test
    void anEntryOfAnotherShapeThanTheModelsIsRefusedBeforeItsDataIsRead() throws IOException {
        Checkpoint c = CheckpointFilesTest.checkpoint(1);
        Path f = tmp.resolve("step-00000001.ckpt");
        CheckpointFiles.write(f, c);
        Map<String, long[]> expected = new LinkedHashMap<>();
        expected.put("params/g_w", new long[] {3, 5});
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CheckpointFiles.read(f, expected));
        assertTrue(e.getMessage().contains("params/g_w has shape [3, 4], this model's is [3, 5]"), e.getMessage());
        expected.put("params/g_w", new long[] {3, 4});
        assertEquals(c.parameters().get("g_w"), CheckpointFiles.read(f, expected).parameters().get("g_w"));
    }

    /** Heap bytes this thread has allocated so far (HotSpot's per-thread counter). */
    static long allocated() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
