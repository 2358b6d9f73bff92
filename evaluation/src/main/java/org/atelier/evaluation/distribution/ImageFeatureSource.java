package org.atelier.evaluation.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.datasets.ImageDataset;
import org.atelier.models.features.FeatureExtractor;

/**
 * Images run through a feature extractor at its native size and range: a folder of image
 * files (PNG/JPEG/BMP/GIF, read in name order, sub-folders ignored) or an IDX file. Images are
 * converted with {@link FeatureExtractor#prepare} (no resizing) and fed in batches, so only
 * one batch of images is in memory at a time.
 */
public final class ImageFeatureSource implements FeatureSource {
    public static final int BATCH = 256;
    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

    private final Path path;
    private final boolean idx;
    private final ImageDataset dataset;
    private final List<Image> images;
    private final String imagesFrom;
    private final FeatureExtractor extractor;

    private ImageFeatureSource(Path path, boolean idx, ImageDataset dataset, List<Image> images, String imagesFrom,
                               FeatureExtractor extractor) {
        this.path = path;
        this.idx = idx;
        this.dataset = dataset;
        this.images = images;
        this.imagesFrom = imagesFrom;
        this.extractor = extractor;
    }

    /** Images already in memory (samples just drawn from a model), described as {@code from}. */
    public static ImageFeatureSource images(List<Image> images, String from, FeatureExtractor extractor) {
        return new ImageFeatureSource(null, false, null, List.copyOf(images), from, extractor);
    }

    /** Every image of a dataset (e.g. {@code fashion-mnist:test} from {@link org.atelier.datasets.DatasetCatalog}), in index order. */
    public static ImageFeatureSource dataset(ImageDataset dataset, FeatureExtractor extractor) {
        return new ImageFeatureSource(null, false, dataset, null, null, extractor);
    }

    public static ImageFeatureSource folder(Path dir, FeatureExtractor extractor) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(dir + ": not a folder of images");
        }
        return new ImageFeatureSource(dir, false, null, null, null, extractor);
    }

    public static ImageFeatureSource idx(Path file, FeatureExtractor extractor) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such IDX file");
        }
        return new ImageFeatureSource(file, true, null, null, null, extractor);
    }

    @Override
    public String describe() {
        if (dataset != null) {
            return "dataset " + dataset.id();
        }
        if (images != null) {
            return imagesFrom;
        }
        return (idx ? "IDX file " : "image folder ") + path;
    }

    @Override
    public boolean userFeatures() {
        return false;
    }

    /** The folder or IDX file. */
    public Path path() {
        return path;
    }

    public boolean isIdx() {
        return idx;
    }

    /** How many images the source holds (a dataset or list: its size; an IDX file: its header; a folder: its listing). */
    public int count() {
        if (dataset != null) {
            return dataset.size();
        }
        if (images != null) {
            return images.size();
        }
        if (idx) {
            try (IdxImageReader reader = new IdxImageReader(path)) {
                return reader.count();
            }
        }
        return imageFiles(path).size();
    }

    @Override
    public void stream(Consumer<float[][]> batches) {
        if (dataset != null) {
            streamIndexed(dataset.size(), i -> dataset.get(i).image(), dataset.id(), batches);
            return;
        }
        if (images != null) {
            streamIndexed(images.size(), images::get, imagesFrom, batches);
            return;
        }
        if (!idx && imageFiles(path).isEmpty()) {
            throw new InvalidInputException(path + ": no image files (expected " + String.join(", ", EXTENSIONS) + ")");
        }
        stream(0, Integer.MAX_VALUE, batches);
    }

    /** Images 0..n-1 of an in-memory or dataset source, each named "{@code label} image i" in errors. */
    private void streamIndexed(int n, IntFunction<Image> image, String label, Consumer<float[][]> batches) {
        Batches out = new Batches(batches);
        for (int i = 0; i < n; i++) {
            out.add(image.apply(i), label + " image " + i);
        }
        out.flush();
    }

    /**
     * Feeds the features of images {@code from} (inclusive) to {@code to} (exclusive, clipped to
     * the count) of an IDX file or folder in batches of {@value #BATCH} counted from {@code from}:
     * a shard that starts at a multiple of {@value #BATCH} sees the very batches, hence the very
     * features, of a full pass.
     */
    public void stream(int from, int to, Consumer<float[][]> batches) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("bad image range [" + from + ", " + to + ")");
        }
        if (path == null) {
            throw new IllegalStateException("only image files and folders stream by range, not " + describe());
        }
        Batches out = new Batches(batches);
        if (idx) {
            try (IdxImageReader reader = new IdxImageReader(path)) {
                for (int i = 0; i < to && reader.hasNext(); i++) {
                    Image image = reader.next();
                    if (i >= from) {
                        out.add(image, path + " image " + i);
                    }
                }
            }
        } else {
            List<Path> files = imageFiles(path);
            for (Path f : files.subList(Math.min(from, files.size()), Math.min(to, files.size()))) {
                out.add(ImageFiles.read(f), f.toString());
            }
        }
        out.flush();
    }

    /** Prepares images for the extractor and hands on their features BATCH at a time: one batch in memory. */
    private final class Batches {
        private final Consumer<float[][]> sink;
        private final List<Image> batch = new ArrayList<>(BATCH);

        Batches(Consumer<float[][]> sink) {
            this.sink = sink;
        }

        void add(Image image, String where) {
            batch.add(extractor.prepare(image, where));
            if (batch.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                sink.accept(extractor.features(batch));
                batch.clear();
            }
        }
    }

    /** Image files directly inside {@code dir}, sorted by name. */
    public static List<Path> imageFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> EXTENSIONS.stream().anyMatch(e -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(e)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir + ": " + e.getMessage(), e);
        }
    }
}
