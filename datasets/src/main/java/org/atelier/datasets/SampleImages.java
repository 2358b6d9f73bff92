package org.atelier.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.datasets.manifest.ImageListing;
import org.atelier.datasets.manifest.ImageTarget;
import org.atelier.datasets.manifest.ManifestDataset;
import org.atelier.datasets.manifest.ManifestEntry;

/**
 * The sample photos and paintings in {@code datasets/images/} (public domain / CC0, listed in
 * its LICENSES.md): {@code content-*.jpg} are photos, {@code style-*.jpg} paintings. As a
 * dataset, each has the attribute {@code role} = content | style.
 */
public final class SampleImages {
    /** Folder of the sample images relative to the project root. */
    public static final String FOLDER = "datasets/images";

    private SampleImages() {
    }

    /** The folder under the project root ({@code atelier.home}, else the working directory). */
    public static Path folder() {
        return ProjectRoot.path().resolve(FOLDER);
    }

    /** Paths of the images whose name starts with {@code role + "-"}, sorted. */
    public static List<Path> files(String role) {
        Path dir = folder();
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(dir + ": sample image folder missing (expected in the project checkout)");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(role + "-")
                    && p.getFileName().toString().endsWith(".jpg")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All sample images as one dataset, centre-cropped to {@code size} × {@code size} RGB. */
    public static ImageDataset dataset(int size) {
        List<ManifestEntry> entries = new ArrayList<>();
        int row = 1;
        for (String role : List.of("content", "style")) {
            for (Path f : files(role)) {
                entries.add(new ManifestEntry(f.getFileName().toString(), Sample.NO_LABEL, List.of(role), row++));
            }
        }
        ImageListing listing = new ImageListing("samples", folder(), "sample image", entries, List.of(),
                List.of("role"), List.of(folder().resolve("LICENSES.md")), List.of());
        return ManifestDataset.of(listing, ImageTarget.of(3, size, size));
    }
}
