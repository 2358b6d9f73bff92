package org.atelier.evaluation.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
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
    private final FeatureExtractor extractor;

    private ImageFeatureSource(Path path, boolean idx, FeatureExtractor extractor) {
        this.path = path;
        this.idx = idx;
        this.extractor = extractor;
    }

    public static ImageFeatureSource folder(Path dir, FeatureExtractor extractor) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(dir + ": not a folder of images");
        }
        return new ImageFeatureSource(dir, false, extractor);
    }

    public static ImageFeatureSource idx(Path file, FeatureExtractor extractor) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such IDX file");
        }
        return new ImageFeatureSource(file, true, extractor);
    }

    @Override
    public String describe() {
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

    /** How many images the source holds (reads the IDX header, or lists the folder). */
    public int count() {
        if (idx) {
            try (IdxImageReader reader = new IdxImageReader(path)) {
                return reader.count();
            }
        }
        return imageFiles(path).size();
    }

    @Override
    public void stream(Consumer<float[][]> batches) {
        if (!idx && imageFiles(path).isEmpty()) {
            throw new InvalidInputException(path + ": no image files (expected " + String.join(", ", EXTENSIONS) + ")");
        }
        stream(0, Integer.MAX_VALUE, batches);
    }

    /**
     * Feeds the features of images {@code from} (inclusive) to {@code to} (exclusive, clipped to
     * the count) in batches of {@value #BATCH} counted from {@code from}: a shard that starts at
     * a multiple of {@value #BATCH} sees the very batches, hence the very features, of a full pass.
     */
    public void stream(int from, int to, Consumer<float[][]> batches) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("bad image range [" + from + ", " + to + ")");
        }
        List<Image> batch = new ArrayList<>(BATCH);
        Consumer<Image> add = image -> {
            batch.add(image);
            if (batch.size() == BATCH) {
                batches.accept(extractor.features(batch));
                batch.clear();
            }
        };
        if (idx) {
            try (IdxImageReader reader = new IdxImageReader(path)) {
                for (int i = 0; i < to && reader.hasNext(); i++) {
                    Image image = reader.next();
                    if (i >= from) {
                        add.accept(extractor.prepare(image, path + " image " + i));
                    }
                }
            }
        } else {
            List<Path> files = imageFiles(path);
            for (Path f : files.subList(Math.min(from, files.size()), Math.min(to, files.size()))) {
                add.accept(extractor.prepare(ImageFiles.read(f), f.toString()));
            }
        }
        if (!batch.isEmpty()) {
            batches.accept(extractor.features(batch));
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
