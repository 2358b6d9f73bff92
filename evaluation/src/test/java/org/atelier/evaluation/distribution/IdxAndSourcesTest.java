package org.atelier.evaluation.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.errors.InvalidSettingException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.models.features.FeatureExtractor;
import org.atelier.models.features.InputSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxAndSourcesTest {

    /** A stand-in extractor without a network: features are the mean and the first pixel. */
    static final FeatureExtractor STUB = new FeatureExtractor() {
        @Override
        public String id() {
            return "stub";
        }

        @Override
        public String weightsSha256() {
            return "";
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public InputSpec input() {
            return new InputSpec(1, 4, 3, -1, 1);
        }

        @Override
        public Image prepare(Image image, String source) {
            if (image.height() != 4 || image.width() != 3) {
                throw new InvalidInputException(source + ": wrong size");
            }
            return image;
        }

        @Override
        public float[][] features(List<Image> images) {
            float[][] out = new float[images.size()][];
            for (int i = 0; i < out.length; i++) {
                float s = 0;
                for (float p : images.get(i).pixels()) {
                    s += p;
                }
                out[i] = new float[] {s / 12, images.get(i).pixels()[0]};
            }
            return out;
        }
    };

    private static byte[] idx(int n, int rows, int cols) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x803);
        out.writeInt(n);
        out.writeInt(rows);
        out.writeInt(cols);
        for (int i = 0; i < n * rows * cols; i++) {
            out.writeByte(i % 256);
        }
        out.flush();
        return bytes.toByteArray();
    }

    @Test
    void readsPlainAndGzippedIdxAlike(@TempDir Path dir) throws Exception {
        byte[] raw = idx(5, 4, 3);
        Path plain = dir.resolve("x.idx");
        Files.write(plain, raw);
        Path gz = dir.resolve("x-no-extension");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(raw);
        }
        for (Path p : List.of(plain, gz)) {
            try (IdxImageReader r = new IdxImageReader(p)) {
                assertEquals(5, r.count());
                Image first = r.next();
                assertEquals(ImageFiles.toUnit(0), first.get(0, 0, 0));
                assertEquals(ImageFiles.toUnit(11), first.get(0, 3, 2));
                Image second = r.next();
                assertEquals(ImageFiles.toUnit(12), second.get(0, 0, 0));
            }
        }
    }

    @Test
    void truncatedOrForeignIdxIsACorruptFile(@TempDir Path dir) throws Exception {
        byte[] raw = idx(5, 4, 3);
        Path cut = dir.resolve("cut.idx");
        Files.write(cut, java.util.Arrays.copyOf(raw, raw.length - 7));
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> {
            try (IdxImageReader r = new IdxImageReader(cut)) {
                while (r.hasNext()) {
                    r.next();
                }
            }
        });
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        Path labels = dir.resolve("labels.idx");
        Files.write(labels, new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 3});
        assertThrows(CorruptFileException.class, () -> new IdxImageReader(labels));
    }

    @Test
    void pathsResolveToFoldersIdxFilesCsvAndReferences(@TempDir Path dir) throws Exception {
        Path idx = dir.resolve("imgs.idx");
        Files.write(idx, idx(7, 4, 3));
        Path folder = Files.createDirectories(dir.resolve("folder"));
        ImageFiles.writePng(Image.blank(1, 4, 3, 0f), folder.resolve("a.png"));
        ImageFiles.writePng(Image.blank(1, 4, 3, 1f), folder.resolve("b.png"));
        Path csv = dir.resolve("f.csv");
        Files.writeString(csv, "1,2\n3,4\n");

        DistributionInput fromIdx = DistributionInputs.resolve(idx.toString(), "generated", "stub", () -> STUB);
        List<float[]> rows = new ArrayList<>();
        ((DistributionInput.Features) fromIdx).source().stream(b -> rows.addAll(List.of(b)));
        assertEquals(7, rows.size());

        DistributionInput fromFolder = DistributionInputs.resolve(folder.toString(), "generated", "stub", () -> STUB);
        rows.clear();
        ((DistributionInput.Features) fromFolder).source().stream(b -> rows.addAll(List.of(b)));
        assertEquals(2, rows.size());
        assertEquals(1f, rows.get(1)[0], 1e-6f);

        DistributionInput fromCsv = DistributionInputs.resolve(csv.toString(), "generated", "stub", () -> {
            throw new AssertionError("a CSV must not load the extractor");
        });
        assertTrue(((DistributionInput.Features) fromCsv).source().userFeatures());

        InvalidSettingException missing = assertThrows(InvalidSettingException.class,
                () -> DistributionInputs.resolve(dir.resolve("missing").toString(), "reference", "stub", () -> STUB));
        assertEquals("reference", missing.setting());
        assertTrue(missing.problem().contains("missing") && missing.problem().contains("fashion-mnist:test"), missing.problem());
        // a dataset name is the dataset's images under any extractor; only fmnist-v1 has its statistics committed
        DistributionInput test = DistributionInputs.resolve("fashion-mnist:test", "reference", "stub", () -> STUB);
        assertEquals("dataset fashion-mnist:test", ((DistributionInput.Features) test).source().describe());
        assertInstanceOf(DistributionInput.Reference.class,
                DistributionInputs.resolve("fashion-mnist:test", "reference", "fmnist-v1", () -> STUB));
        // the previous release's fmnist-test is the command line's to map (with a warning), not the library's
        InvalidSettingException old = assertThrows(InvalidSettingException.class,
                () -> DistributionInputs.resolve("fmnist-test", "reference", "fmnist-v1", () -> STUB));
        assertTrue(old.problem().contains("fashion-mnist:test"), old.problem());
        assertInstanceOf(DistributionInput.Features.class, fromIdx);
    }

    @Test
    void imagesOfTheWrongSizeAreRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        ImageFiles.writePng(Image.blank(1, 5, 5, 0f), folder.resolve("odd.png"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ImageFeatureSource.folder(folder, STUB).stream(b -> { }));
        assertTrue(e.getMessage().contains("odd.png"), e.getMessage());
    }
}
