package org.atelier.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.datasets.faces.CelebA;
import org.atelier.datasets.faces.FairFace;
import org.atelier.datasets.faces.UtkFace;
import org.atelier.datasets.fashion.FashionMnist;
import org.atelier.datasets.manifest.ImageTarget;
import org.atelier.datasets.manifest.ManifestDataset;
import org.atelier.datasets.portraits.PortraitQuery;
import org.atelier.datasets.portraits.SyntheticPortraits;

/**
 * The names users type for datasets, and what each opens:
 * <ul>
 *   <li>{@code fashion-mnist:test} — the 10k test split embedded in the repo;</li>
 *   <li>{@code fashion-mnist:train} — the 60k train split from Debian's dataset-fashion-mnist;</li>
 *   <li>{@code fashion-mnist:train=DIR}, {@code fashion-mnist:test=DIR} — either split from a folder;</li>
 *   <li>{@code portraits-32}, {@code portraits-64} — synthetic portraits with default shares;
 *       {@code portraits-32?skin_group=light:0.8,medium:0.1,dark:0.1&n=5000&seed=7} sets shares,
 *       count and seed ({@link PortraitQuery});</li>
 *   <li>{@code samples} — the sample photos and paintings;</li>
 *   <li>{@code manifest:FILE.csv}, {@code celeba:DIR}, {@code utkface:DIR}, {@code fairface:LABELS.csv} —
 *       image folders the user brings, brought to {@code size} × {@code size} RGB.</li>
 * </ul>
 */
public final class DatasetCatalog {
    /** A row of {@code atelier datasets list}. */
    public record Entry(String name, String description, String source, boolean available) {
    }

    /** The kinds {@link #open} knows: the part of a name before its colon. */
    private static final java.util.Set<String> KINDS = java.util.Set.of("fashion-mnist", "portraits-32", "portraits-64",
            "samples", "manifest", "celeba", "utkface", "fairface");

    /** Portraits in the named default sets (uniform shares, seed 0). */
    public static final int DEFAULT_PORTRAITS = 2000;

    private DatasetCatalog() {
    }

    public static List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("fashion-mnist:test", "Fashion-MNIST test split, 10k 28x28 grey, 10 classes",
                "embedded in the repo", true));
        entries.add(new Entry("fashion-mnist:train", "Fashion-MNIST train split, 60k 28x28 grey, 10 classes",
                FashionMnist.DEBIAN_DIR + " (Debian package dataset-fashion-mnist)",
                Files.isDirectory(FashionMnist.DEBIAN_DIR)));
        entries.add(new Entry("portraits-32", "synthetic portraits 32x32 RGB, 2000, uniform shares, seed 0",
                "rendered on demand, deterministic by seed", true));
        entries.add(new Entry("portraits-32?QUERY", "the same with shares, count and seed, e.g. "
                + "'portraits-32?skin_group=light:0.8,medium:0.1,dark:0.1&n=5000&seed=7'", "rendered on demand", true));
        entries.add(new Entry("portraits-64", "synthetic portraits 64x64 RGB, 2000, uniform shares, seed 0",
                "rendered on demand, deterministic by seed", true));
        entries.add(new Entry("samples", "sample photos (content) and paintings (style), public domain / CC0",
                SampleImages.FOLDER, Files.isDirectory(SampleImages.folder())));
        entries.add(new Entry("manifest:FILE.csv", "your image folder: CSV with path, optional label, slice columns",
                "images relative to the CSV's folder", true));
        entries.add(new Entry("celeba:DIR", "CelebA: DIR/" + CelebA.ATTRIBUTE_FILE + " and DIR/" + CelebA.IMAGE_DIR,
                "your copy", true));
        entries.add(new Entry("utkface:DIR", "UTKFace: age_gender_race_date.jpg files", "your copy", true));
        entries.add(new Entry("fairface:LABELS.csv", "FairFace: label CSV, images relative to its folder",
                "your copy", true));
        return entries;
    }

    /**
     * Whether {@code name} is spelled as a dataset name (its kind, before any colon, is one the
     * catalogue opens), as opposed to a file or folder path. Commands that take either use it to
     * decide, so that one grammar of data names holds everywhere.
     */
    public static boolean isName(String name) {
        String kind = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
        return KINDS.contains(kind);
    }

    /**
     * Opens the dataset a name designates.
     *
     * @param size side of the square RGB images for folders users bring and for the samples
     * @throws InvalidInputException for an unknown name (the message lists the known ones) or a missing path
     */
    public static ImageDataset open(String name, int size) {
        if (name.startsWith("portraits-") && name.contains("?")) {
            return portraits(name.substring(0, name.indexOf('?')), name.substring(name.indexOf('?') + 1), name);
        }
        String kind = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
        String arg = name.contains(":") ? name.substring(name.indexOf(':') + 1) : "";
        ImageTarget target = ImageTarget.of(3, size, size);
        return switch (kind) {
            case "fashion-mnist" -> fashion(arg);
            case "portraits-32", "portraits-64" -> portraits(kind, "", name);
            case "samples" -> SampleImages.dataset(size);
            case "manifest" -> ManifestDataset.fromCsv(path(name, arg), parentOf(path(name, arg)), target);
            case "celeba" -> CelebA.open(path(name, arg), target);
            case "utkface" -> UtkFace.open(path(name, arg), target);
            case "fairface" -> FairFace.open(parentOf(path(name, arg)), path(name, arg), target);
            default -> throw unknown(name);
        };
    }

    private static ImageDataset portraits(String kind, String query, String name) {
        if (!kind.equals("portraits-32") && !kind.equals("portraits-64")) {
            throw unknown(name);
        }
        return new SyntheticPortraits(PortraitQuery.parse(Integer.parseInt(kind.substring(10)), query,
                DEFAULT_PORTRAITS, 0));
    }

    private static ImageDataset fashion(String arg) {
        String split = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        String dir = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
        FashionMnist.Split s = switch (split) {
            case "", "test" -> FashionMnist.Split.TEST;
            case "train" -> FashionMnist.Split.TRAIN;
            default -> throw new InvalidInputException("fashion-mnist:" + arg + ": unknown split '" + split
                    + "'; expected test or train, optionally =DIR");
        };
        if (dir != null) {
            return FashionMnist.fromFolder(Path.of(dir), s);
        }
        return s == FashionMnist.Split.TEST ? FashionMnist.embeddedTest() : FashionMnist.train();
    }

    private static Path path(String name, String arg) {
        if (arg.isEmpty()) {
            throw new InvalidInputException("dataset '" + name + "' needs a path after the colon, e.g. "
                    + name.replace(":", "") + ":/data/" + name.replace(":", ""));
        }
        Path p = Path.of(arg);
        if (!Files.exists(p)) {
            throw new InvalidInputException(p + ": no such file or folder (dataset '" + name + "')");
        }
        return p;
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("/") : parent;
    }

    private static InvalidInputException unknown(String name) {
        List<String> names = list().stream().map(Entry::name).toList();
        return new InvalidInputException("unknown dataset '" + name + "'; known: " + String.join(", ", names));
    }
}
