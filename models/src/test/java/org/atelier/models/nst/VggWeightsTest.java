package org.atelier.models.nst;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.image.Image;
import org.atelier.models.nst.NpzWriter.Array;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The VGG loader on tiny files of torchvision's layout (4 filters per layer instead of 64–512). */
class VggWeightsTest {
    /** Indices of the convolutions in torchvision's vgg16().features. */
    static final int[] VGG16_CONVS = {0, 2, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28};
    static final int WIDTH = 4;

    /** A torchvision-layout state dict: (out, in, 3, 3) weights, (out) biases, seeded values. */
    static Map<String, Array> stateDict(int[] convIndices, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, Array> m = new LinkedHashMap<>();
        int in = 3;
        for (int idx : convIndices) {
            float[] w = new float[WIDTH * in * 9];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (r.nextDouble() - 0.5);
            }
            float[] b = new float[WIDTH];
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) (r.nextDouble() * 0.2);
            }
            m.put("features." + idx + ".weight", new Array(new long[] {WIDTH, in, 3, 3}, w));
            m.put("features." + idx + ".bias", new Array(new long[] {WIDTH}, b));
            in = WIDTH;
        }
        m.put("classifier.0.weight", new Array(new long[] {2, 3}, new float[6]));
        return m;
    }

    @Test
    void readsATinyVgg16AndComputesTorchvisionsFirstLayer(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("vgg16-tiny.npz");
        Map<String, Array> sd = stateDict(VGG16_CONVS, 1);
        NpzWriter.write(f, sd);
        FixedConvNet net = VggWeights.load(f);
        assertEquals("vgg16:vgg16-tiny.npz", net.id());
        assertEquals(13, net.layers().size());
        assertEquals("relu5_3", net.layers().get(12));
        assertArrayEquals(new long[] {WIDTH, 2, 2}, net.shape("relu5_1", 32, 32));

        // relu1_1 at an interior pixel, worked out the way torch does: normalise [0, 1] RGB with the
        // ImageNet statistics, correlate with weight[o][c][i][j], add the bias, ReLU
        Image img = TestImages.noise(8, 8, 3);
        INDArray act = StyleTargets.features(net, img, Set.of("relu1_1")).get("relu1_1");
        double[] mean = {0.485, 0.456, 0.406};
        double[] std = {0.229, 0.224, 0.225};
        float[] w = sd.get("features.0.weight").values();
        float[] b = sd.get("features.0.bias").values();
        int y = 3;
        int x = 4;
        for (int o = 0; o < WIDTH; o++) {
            double s = b[o];
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        double u = (img.get(c, y + i - 1, x + j - 1) + 1) / 2;
                        s += w[((o * 3 + c) * 3 + i) * 3 + j] * (u - mean[c]) / std[c];
                    }
                }
            }
            assertEquals(Math.max(0, s), act.getDouble(0, o, y, x), 1e-4, "filter " + o);
        }
    }

    @Test
    void readsAVgg19WrittenByNumpySavezCompressed(@TempDir Path tmp) throws Exception {
        File python = new File("/usr/bin/python3");
        assumeTrue(python.canExecute(), "no /usr/bin/python3");
        Path f = tmp.resolve("vgg19-tiny.npz");
        String script = String.join("\n",
                "import numpy as np, sys",
                "rng = np.random.default_rng(0)",
                "idx = [0, 2, 5, 7, 10, 12, 14, 16, 19, 21, 23, 25, 28, 30, 32, 34]",
                "sd, cin = {}, 3",
                "for i in idx:",
                "    sd['%d.weight' % i] = rng.standard_normal((4, cin, 3, 3)).astype(np.float32)",
                "    sd['%d.bias' % i] = np.zeros(4, dtype=np.float64)",
                "    cin = 4",
                "np.savez_compressed(sys.argv[1], **sd)",
                "print(float(sd['0.weight'][2, 1, 0, 2]))");
        Process p = new ProcessBuilder(python.getPath(), "-c", script, f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "numpy not available: " + out);
        FixedConvNet net = VggWeights.load(f);
        assertEquals(16, net.layers().size());
        assertTrue(net.id().startsWith("vgg19:"));
        assertEquals(List.of("relu5_1", "relu5_2", "relu5_3", "relu5_4"), net.layers().subList(12, 16));
        // PyTorch's weight[o][c][i][j] is ND4J's weight[i][j][c][o]
        FixedConvNet.Conv first = (FixedConvNet.Conv) net.stages().get(0);
        assertEquals(Double.parseDouble(out), first.weight().getDouble(0, 2, 1, 2), 1e-6);
    }

    @Test
    void rejectsMalformedFilesNamingTheFileAndWhatWasExpected(@TempDir Path tmp) throws Exception {
        Path text = tmp.resolve("notes.npz");
        Files.writeString(text, "these are not weights");
        CorruptFileException e1 = assertThrows(CorruptFileException.class, () -> VggWeights.load(text));
        assertTrue(e1.getMessage().contains(text.toString()) && e1.getMessage().contains("ZIP of .npy"), e1.getMessage());

        Path good = tmp.resolve("good.npz");
        NpzWriter.write(good, stateDict(VGG16_CONVS, 2));
        byte[] all = Files.readAllBytes(good);
        Path cut = tmp.resolve("cut.npz");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        CorruptFileException e2 = assertThrows(CorruptFileException.class, () -> VggWeights.load(cut));
        assertTrue(e2.getMessage().contains(cut.toString()), e2.getMessage());

        Map<String, Array> wrongShape = stateDict(VGG16_CONVS, 3);
        wrongShape.put("features.2.weight", new Array(new long[] {WIDTH, 5, 3, 3}, new float[WIDTH * 5 * 9]));
        Path shape = tmp.resolve("shape.npz");
        NpzWriter.write(shape, wrongShape);
        CorruptFileException e3 = assertThrows(CorruptFileException.class, () -> VggWeights.load(shape));
        assertTrue(e3.getMessage().contains("features.2.weight") && e3.getMessage().contains("expected (out, 4, 3, 3)"),
                e3.getMessage());

        Path twelve = tmp.resolve("twelve.npz");
        NpzWriter.write(twelve, stateDict(java.util.Arrays.copyOf(VGG16_CONVS, 12), 4));
        CorruptFileException e4 = assertThrows(CorruptFileException.class, () -> VggWeights.load(twelve));
        assertTrue(e4.getMessage().contains("vgg16 (13 layers)") && e4.getMessage().contains("found 12"), e4.getMessage());

        Path ints = tmp.resolve("ints.npz");
        Map<String, Array> sd = stateDict(VGG16_CONVS, 5);
        NpzWriter.write(ints, sd);
        byte[] npy = NpzWriter.npy(sd.get("features.0.bias"));
        String h = new String(npy, java.nio.charset.StandardCharsets.ISO_8859_1).replace("'<f4'", "'<i4'");
        Path intFile = tmp.resolve("int-entry.npz");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(intFile))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("features.0.bias.npy"));
            zip.write(h.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            zip.closeEntry();
        }
        CorruptFileException e5 = assertThrows(CorruptFileException.class, () -> VggWeights.load(intFile));
        assertTrue(e5.getMessage().contains("features.0.bias.npy") && e5.getMessage().contains("'<i4'"), e5.getMessage());
    }
}
