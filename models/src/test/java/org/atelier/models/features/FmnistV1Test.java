package org.atelier.models.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.core.io.Hashing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmnistV1Test {
    private static final Path TEST_IMAGES = Path.of("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz");
    private static final Path TEST_LABELS = Path.of("/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz");
    private static FmnistV1 extractor;

    @BeforeAll
    static void load() {
        // The weights are trained by benchmarks/train-fmnist-v1.sh and committed with their hash;
        // until that commit lands these tests cannot run, and say so rather than fail the build.
        assumeTrue(FmnistV1.class.getResource(FmnistV1.WEIGHTS_RESOURCE) != null,
                "fmnist-v1 weights not committed yet (" + FmnistV1.WEIGHTS_RESOURCE + ")");
        extractor = FmnistV1.load();
    }

    @Test
    void shippedWeightsMatchTheirPinnedHash() throws Exception {
        try (InputStream in = FmnistV1.class.getResourceAsStream(FmnistV1.WEIGHTS_RESOURCE)) {
            assertEquals(FmnistV1.WEIGHTS_SHA256, Hashing.sha256(in));
        }
        assertEquals(FmnistV1.WEIGHTS_SHA256, extractor.weightsSha256());
        assertEquals("fmnist-v1", extractor.id());
        assertEquals(256, extractor.dimension());
    }

    @Test
    void aChangedWeightsFileIsRefusedNamingBothHashes(@TempDir Path dir) throws Exception {
        byte[] bytes;
        try (InputStream in = FmnistV1.class.getResourceAsStream(FmnistV1.WEIGHTS_RESOURCE)) {
            bytes = in.readAllBytes();
        }
        bytes[bytes.length / 2] ^= 1;
        Path tampered = dir.resolve("fmnist-v1.weights");
        Files.write(tampered, bytes);
        CorruptFileException e = assertThrows(CorruptFileException.class,
                () -> FmnistV1.load(tampered, FmnistV1.WEIGHTS_SHA256));
        assertTrue(e.getMessage().contains(FmnistV1.WEIGHTS_SHA256) && e.getMessage().contains(Hashing.sha256(bytes)),
                e.getMessage());
    }

    @Test
    void refusesImagesOfAnotherSizeAndTurnsRgbIntoLuma() {
        assertThrows(InvalidInputException.class, () -> extractor.prepare(Image.blank(1, 32, 32, 0f), "x.png"));
        Image rgb = Image.blank(3, 28, 28, 0.5f);
        Image grey = extractor.prepare(rgb, "x.png");
        assertEquals(1, grey.channels());
        assertEquals(0.5f, grey.get(0, 3, 3), 1e-6f);
    }

    @Test
    void featuresAreDeterministicAndBatchIndependent() {
        Image a = Image.blank(1, 28, 28, -1f);
        Image b = Image.blank(1, 28, 28, -1f);
        for (int y = 6; y < 22; y++) {
            for (int x = 9; x < 19; x++) {
                b.set(0, y, x, 0.8f);
            }
        }
        float[][] both = extractor.features(List.of(a, b));
        float[][] alone = extractor.features(List.of(b));
        assertArrayEquals(both[1], alone[0], 1e-5f);
        assertEquals(256, both[0].length);
    }

    @Test
    void layersCoverAnyImageSize() {
        List<FeatureMap> layers = extractor.layers(Image.blank(3, 40, 36, 0f));
        assertEquals(FmnistCnn.CONV_LAYERS.size(), layers.size());
        assertEquals(40, layers.get(0).height());
        assertEquals(36, layers.get(0).width());
        // c5 sits after two 2x2 max-pools: a quarter of each side
        assertEquals(10, layers.get(4).height());
        assertEquals(9, layers.get(4).width());
    }

    /** The bar: at least 92 % accuracy on the Fashion-MNIST test split. */
    @Test
    void classifiesTheTestSplitAtLeast92PercentRight() {
        assumeTrue(Files.isRegularFile(TEST_IMAGES), "Fashion-MNIST test split not installed");
        float[][] pixels = FmnistV1Trainer.IdxLoader.images(TEST_IMAGES);
        int[] labels = FmnistV1Trainer.IdxLoader.labels(TEST_LABELS);
        List<Image> images = new ArrayList<>();
        for (float[] p : pixels) {
            images.add(new Image(1, 28, 28, p));
        }
        int[] read = extractor.classify(images);
        int correct = 0;
        for (int i = 0; i < read.length; i++) {
            correct += read[i] == labels[i] ? 1 : 0;
        }
        double accuracy = correct / (double) read.length;
        assertTrue(accuracy >= 0.92, "test accuracy " + accuracy);
    }
}
