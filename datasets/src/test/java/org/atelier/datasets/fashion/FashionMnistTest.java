package org.atelier.datasets.fashion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.io.Hashing;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Sample;
import org.atelier.datasets.fashion.FashionMnist.Split;
import org.atelier.datasets.idx.IdxArray;
import org.atelier.datasets.idx.IdxWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {
    @TempDir
    Path dir;

    /** Every label appears {@code perClass} times; checks shape, range and class balance. */
    private static void checkSplit(ImageDataset d, int size, int perClass) {
        assertEquals(size, d.size());
        assertEquals(1, d.channels());
        assertEquals(28, d.height());
        assertEquals(28, d.width());
        assertEquals(FashionMnist.CLASS_NAMES, d.classNames());
        assertTrue(d.attributeNames().isEmpty());
        int[] counts = new int[10];
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int i = 0; i < d.size(); i++) {
            Sample s = d.get(i);
            counts[s.label()]++;
            for (float v : s.image().pixels()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        for (int c = 0; c < 10; c++) {
            assertEquals(perClass, counts[c], "class " + c);
        }
        assertTrue(min >= -1f && max <= 1f, min + ".." + max);
        assertEquals(-1f, min); // the background is 0 -> -1
        assertEquals(1f, max); // some pixel is 255 -> +1
    }

    @Test
    void embeddedTestSplit() {
        ImageDataset d = FashionMnist.embeddedTest();
        assertEquals("fashion-mnist:test", d.id());
        checkSplit(d, 10_000, 1000);
        assertEquals(64, d.contentHash().length());
        assertThrows(IndexOutOfBoundsException.class, () -> d.get(10_000));
    }

    @Test
    void debianTrainSplit() {
        assumeTrue(Files.isDirectory(FashionMnist.DEBIAN_DIR), "dataset-fashion-mnist is not installed");
        ImageDataset d = FashionMnist.train();
        assertEquals("fashion-mnist:train", d.id());
        checkSplit(d, 60_000, 6000);
    }

    @Test
    void embeddedHashEqualsTheSameFilesOnDisk() {
        assumeTrue(Files.isRegularFile(FashionMnist.DEBIAN_DIR.resolve("t10k-labels-idx1-ubyte.gz")),
                "dataset-fashion-mnist is not installed");
        ImageDataset disk = FashionMnist.fromFolder(FashionMnist.DEBIAN_DIR, Split.TEST);
        ImageDataset embedded = FashionMnist.embeddedTest();
        assertEquals(disk.contentHash(), embedded.contentHash());
        assertEquals(disk.get(1234), embedded.get(1234));
    }

    private void writeSplit(Split split, int images, int labels, int side, boolean gzip, int badLabelAt) {
        byte[] px = new byte[images * side * side];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) i;
        }
        byte[] lb = new byte[labels];
        for (int i = 0; i < labels; i++) {
            lb[i] = (byte) (i == badLabelAt ? 10 : i % 10);
        }
        String suffix = gzip ? ".gz" : "";
        IdxWriter.write(new IdxArray(new int[] {images, side, side}, px),
                dir.resolve(split.prefix() + "-images-idx3-ubyte" + suffix), gzip);
        IdxWriter.write(new IdxArray(new int[] {labels}, lb),
                dir.resolve(split.prefix() + "-labels-idx1-ubyte" + suffix), gzip);
    }

    @Test
    void folderWithRawFilesReadsAndHashesThem() {
        writeSplit(Split.TRAIN, 20, 20, 28, false, -1);
        ImageDataset d = FashionMnist.fromFolder(dir, Split.TRAIN);
        assertEquals(20, d.size());
        assertEquals("fashion-mnist:train", d.id());
        Sample s = d.get(3);
        assertEquals(3, s.label());
        // pixel (0, 0) of image 3 holds byte 3 * 784 mod 256 = 48 -> 48 / 127.5 - 1
        assertEquals(48 / 127.5f - 1f, s.image().get(0, 0, 0), 1e-6);
        assertEquals(Hashing.sha256(java.util.List.of(dir.resolve("train-images-idx3-ubyte"),
                dir.resolve("train-labels-idx1-ubyte"))), d.contentHash());
    }

    @Test
    void folderWithGzipFilesReads() {
        writeSplit(Split.TEST, 10, 10, 28, true, -1);
        assertEquals(10, FashionMnist.fromFolder(dir, Split.TEST).size());
    }

    @Test
    void labelAndImageCountMismatchNamesBothFiles() {
        writeSplit(Split.TEST, 10, 9, 28, false, -1);
        String m = assertThrows(CorruptFileException.class, () -> FashionMnist.fromFolder(dir, Split.TEST))
                .getMessage();
        assertTrue(m.contains("9 labels for 10 images") && m.contains("t10k-labels-idx1-ubyte")
                && m.contains("t10k-images-idx3-ubyte"), m);
    }

    @Test
    void wrongImageSizeIsRefused() {
        writeSplit(Split.TEST, 4, 4, 27, false, -1);
        String m = assertThrows(CorruptFileException.class, () -> FashionMnist.fromFolder(dir, Split.TEST))
                .getMessage();
        assertTrue(m.contains("(4, 27, 27)") && m.contains("expected (count, 28, 28)"), m);
    }

    @Test
    void labelOutOfRangeIsRefused() {
        writeSplit(Split.TEST, 12, 12, 28, false, 11);
        String m = assertThrows(CorruptFileException.class, () -> FashionMnist.fromFolder(dir, Split.TEST))
                .getMessage();
        assertTrue(m.contains("label 10 at index 11") && m.contains("expected 0 to 9"), m);
    }

    @Test
    void missingFilesAreNamed() {
        String m = assertThrows(InvalidInputException.class, () -> FashionMnist.fromFolder(dir, Split.TRAIN))
                .getMessage();
        assertTrue(m.contains("train-images-idx3-ubyte.gz"), m);
        assertFalse(m.contains("t10k"), m);
    }
}
