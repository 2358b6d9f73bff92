package org.atelier.datasets.fashion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.io.Hashing;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.idx.IdxArray;
import org.atelier.datasets.idx.IdxReader;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, Zalando Research, 2017, arXiv:1708.07747; MIT
 * licence): 28 × 28 grey images of clothing in 10 classes, 60 000 for training and 10 000
 * for testing, as IDX files. Samples are (1, 28, 28) in [-1, 1] with labels 0..9 indexing
 * {@link #CLASS_NAMES}; no attributes.
 *
 * <p>The test split ships inside this module ({@link #embeddedTest()}), so tests and demos
 * run anywhere; the training split comes from the Debian package {@code dataset-fashion-mnist}
 * ({@link #train()}) or any folder holding the four files ({@link #fromFolder}).
 */
public final class FashionMnist {
    /** Class names indexed by label, as published with the dataset. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** Where the Debian package {@code dataset-fashion-mnist} installs the files (a constant for flag defaults). */
    public static final String DEBIAN_FOLDER = "/usr/share/datasets/fashion-mnist";
    public static final Path DEBIAN_DIR = Path.of(DEBIAN_FOLDER);

    /** Image side in pixels. */
    public static final int SIDE = 28;

    private static final String RESOURCE_DIR = "/org/atelier/datasets/fashion-mnist/";

    /** The two published splits; {@link #prefix} is the file-name prefix of each. */
    public enum Split {
        TRAIN("train", "train"),
        TEST("t10k", "test");

        private final String prefix;
        private final String label;

        Split(String prefix, String label) {
            this.prefix = prefix;
            this.label = label;
        }

        /** File-name prefix: {@code train} or {@code t10k}. */
        public String prefix() {
            return prefix;
        }

        /** Dataset id of this split: {@code fashion-mnist:train} or {@code fashion-mnist:test}. */
        public String datasetId() {
            return "fashion-mnist:" + label;
        }

        String imagesFile() {
            return prefix + "-images-idx3-ubyte";
        }

        String labelsFile() {
            return prefix + "-labels-idx1-ubyte";
        }
    }

    private FashionMnist() {
    }

    /**
     * The 10 000-image test split shipped as class-path resources, id {@code fashion-mnist:test}.
     * Its content hash equals that of {@code fromFolder(dir, TEST)} over the same .gz files.
     */
    public static ImageDataset embeddedTest() {
        String imagesName = Split.TEST.imagesFile() + ".gz";
        String labelsName = Split.TEST.labelsFile() + ".gz";
        byte[] imagesGz = resource(imagesName);
        byte[] labelsGz = resource(labelsName);
        Path imagesSource = Path.of("classpath:" + RESOURCE_DIR + imagesName);
        Path labelsSource = Path.of("classpath:" + RESOURCE_DIR + labelsName);
        IdxArray images = IdxReader.read(imagesGz, imagesSource);
        IdxArray labels = IdxReader.read(labelsGz, labelsSource);
        check(images, imagesSource, labels, labelsSource);
        String hash = hashLikeFiles(List.of(imagesName, labelsName), List.of(imagesGz, labelsGz));
        return new ByteImageDataset(Split.TEST.datasetId(), images, labels, CLASS_NAMES, () -> hash);
    }

    /**
     * One split from a folder holding {@code <prefix>-images-idx3-ubyte} and
     * {@code <prefix>-labels-idx1-ubyte}, each raw or with {@code .gz} (prefix {@code train}
     * or {@code t10k}). The content hash is SHA-256 over the two files ({@link Hashing#sha256(List)}).
     *
     * @throws InvalidInputException when a file is missing
     * @throws CorruptFileException  when a file is not a Fashion-MNIST IDX file of the expected shape
     */
    public static ImageDataset fromFolder(Path dir, Split split) {
        Path imagesFile = find(dir, split.imagesFile());
        Path labelsFile = find(dir, split.labelsFile());
        IdxArray images = IdxReader.read(imagesFile);
        IdxArray labels = IdxReader.read(labelsFile);
        check(images, imagesFile, labels, labelsFile);
        return new ByteImageDataset(split.datasetId(), images, labels, CLASS_NAMES,
                () -> Hashing.sha256(List.of(imagesFile, labelsFile)));
    }

    /**
     * The 60 000-image training split from {@link #DEBIAN_DIR}.
     *
     * @throws InvalidInputException when the Debian package is not installed, saying how to get the data
     */
    public static ImageDataset train() {
        if (!Files.isDirectory(DEBIAN_DIR)) {
            throw new InvalidInputException("the Fashion-MNIST training split is not in " + DEBIAN_DIR
                    + ": install the Debian package dataset-fashion-mnist (apt-get install dataset-fashion-mnist),"
                    + " or pass a folder holding train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz]");
        }
        return fromFolder(DEBIAN_DIR, Split.TRAIN);
    }

    /** {@code name} or {@code name.gz} in {@code dir}, the raw file first when both are there. */
    private static Path find(Path dir, String name) {
        Path raw = dir.resolve(name);
        Path gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new InvalidInputException(dir + ": Fashion-MNIST file " + name + " not found (looked for "
                + name + " and " + name + ".gz)");
    }

    /** Shape and range checks; each failure names the file and what was expected. */
    private static void check(IdxArray images, Path imagesFile, IdxArray labels, Path labelsFile) {
        if (images.rank() != 3 || images.dim(1) != SIDE || images.dim(2) != SIDE) {
            throw new CorruptFileException(imagesFile, "images have dimensions " + dimsText(images)
                    + ", expected (count, " + SIDE + ", " + SIDE + ")");
        }
        if (labels.rank() != 1) {
            throw new CorruptFileException(labelsFile, "labels have dimensions " + dimsText(labels)
                    + ", expected (count)");
        }
        if (images.dim(0) != labels.dim(0)) {
            throw new CorruptFileException(labelsFile, labels.dim(0) + " labels for " + images.dim(0)
                    + " images in " + imagesFile + ", expected one label per image");
        }
        for (int i = 0; i < labels.dim(0); i++) {
            int label = labels.unsigned(i);
            if (label >= CLASS_NAMES.size()) {
                throw new CorruptFileException(labelsFile, "label " + label + " at index " + i
                        + ", expected 0 to " + (CLASS_NAMES.size() - 1));
            }
        }
    }

    private static String dimsText(IdxArray a) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < a.rank(); i++) {
            s.append(i == 0 ? "" : ", ").append(a.dim(i));
        }
        return s.append(')').toString();
    }

    private static byte[] resource(String name) {
        try (InputStream in = FashionMnist.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE_DIR + name
                        + " is missing from the atelier-datasets jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read resource " + RESOURCE_DIR + name, e);
        }
    }

    /**
     * The digest {@link Hashing#sha256(List)} gives for files of these names and contents
     * (name, a zero byte, content, per file), so the embedded split and the same files on
     * disk share one content hash. Resources in a jar have no Path, hence this twin.
     */
    private static String hashLikeFiles(List<String> names, List<byte[]> contents) {
        MessageDigest md = Hashing.sha256();
        for (int i = 0; i < names.size(); i++) {
            md.update(names.get(i).getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(contents.get(i));
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
