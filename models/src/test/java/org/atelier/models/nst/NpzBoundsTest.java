package org.atelier.models.nst;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.atelier.core.errors.CorruptFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crafted .npz cannot make the reader allocate what its header claims, nor inflate past it. */
class NpzBoundsTest {
    private static Path npz(Path file, byte[] head, int zeroMegabytes) throws Exception {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.setLevel(1);
            zip.putNextEntry(new ZipEntry("0.weight.npy"));
            zip.write(head);
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < zeroMegabytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return file;
    }

    /** Heap bytes this thread has allocated so far (HotSpot's per-thread counter). */
    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static byte[] npyHeader(String shape) {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + shape + "), }\n";
        byte[] d = dict.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[10 + d.length];
        System.arraycopy(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) d.length, 0}, 0, out, 0, 10);
        System.arraycopy(d, 0, out, 10, d.length);
        return out;
    }

    @Test
    void aShapeClaimingMoreThanTheLimitIsRefusedBeforeReading(@TempDir Path tmp) throws Exception {
        Path f = npz(tmp.resolve("claims.npz"), npyHeader("1000000000, 1000"), 0);
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> Npz.read(f));
        assertTrue(e.getMessage().contains("more than the"), e.getMessage());
    }

    @Test
    void anEntryInflatingPastItsDeclaredSizeIsRefusedAtTheFirstExtraByte(@TempDir Path tmp) throws Exception {
        Path f = npz(tmp.resolve("bomb.npz"), npyHeader("4,"), 256); // 256 MiB of zeros after 16 bytes of data
        long before = allocated();
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> Npz.read(f));
        assertTrue(e.getMessage().contains("more than 16"), e.getMessage());
        assertTrue(allocated() - before < 16L << 20, "allocated " + (allocated() - before) + " bytes: read whole");
    }
}
