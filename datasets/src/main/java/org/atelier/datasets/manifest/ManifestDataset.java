package org.atelier.datasets.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.core.image.ImageResize;
import org.atelier.core.io.Hashing;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Sample;

/**
 * Images in a folder, listed by a manifest: the dataset an auditor brings, and the machinery
 * the public face datasets ({@code org.atelier.datasets.faces}) build on.
 *
 * <p>Manifest CSV ({@link #fromCsv}): a header row; a {@code path} column with image paths
 * relative to the image folder ('/'-separated); an optional {@code label} column holding a class
 * name or a class index; every other column is an attribute (a slice, e.g. {@code skin_tone}).
 * Empty attribute cells stay empty strings.
 *
 * <p>Every path is checked when the dataset is made: absolute paths, paths that climb out of
 * the root ({@code ../}) and symbolic links whose target lies outside the root are refused, as
 * are missing files; the error names the manifest row. Images are decoded only in
 * {@link #get}, after their header is checked against {@link ImageTarget#maxPixels()}; each is
 * converted to the target channel count, centre-cropped to the target aspect ratio and
 * area-averaged to the target size ({@link ImageResize}), so all samples share one size.
 *
 * <p>The content hash is SHA-256 over the manifest (index files) and then every image file in
 * manifest order ({@link Hashing#sha256(List)}); it reads every image, so it is computed on
 * first request and cached. {@link #get} keeps no state, so threads may call it concurrently.
 */
public final class ManifestDataset implements ImageDataset {
    /** Problems listed in one refusal message; the rest are counted. */
    private static final int MAX_REPORTED = 10;

    private final ImageListing listing;
    private final ImageTarget target;
    private final Path[] files;
    /** Attribute values per entry, with equal strings shared (CelebA: 200k rows × 40 columns). */
    private final String[][] attributes;
    private volatile String hash;

    private ManifestDataset(ImageListing listing, ImageTarget target, Path[] files, String[][] attributes) {
        this.listing = listing;
        this.target = target;
        this.files = files;
        this.attributes = attributes;
    }

    /**
     * A manifest CSV whose labels (if any) are resolved against {@code classNames}: a cell equal
     * to a class name takes that name's index, otherwise a cell holding an integer in
     * {@code [0, classNames.size())} is taken as the index; anything else is refused. With empty
     * {@code classNames} the names are derived: {@code "0".."max"} when every label is a
     * non-negative integer, else the distinct labels in sorted order. Id: {@code manifest:<file
     * name without extension>}.
     *
     * @throws InvalidInputException naming the row, for an unknown label, an escaping or missing
     *                               path, or a missing {@code path} column
     */
    public static ManifestDataset fromCsv(Path manifest, Path imageRoot, ImageTarget target, List<String> classNames) {
        CsvTable table = CsvTable.read(manifest);
        table.requireColumns("path");
        String rowName = manifest.getFileName() + " row";
        boolean labelled = table.columns().contains("label");
        List<String> attributeNames = table.columns().stream()
                .filter(c -> !c.equals("path") && !c.equals("label")).toList();
        List<String> names = labelled && classNames.isEmpty() ? deriveClassNames(table) : List.copyOf(classNames);
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byName.putIfAbsent(names.get(i), i);
        }
        List<ManifestEntry> entries = new ArrayList<>(table.rows().size());
        for (int r = 0; r < table.rows().size(); r++) {
            Map<String, String> row = table.rows().get(r);
            String path = row.get("path");
            int label = Sample.NO_LABEL;
            if (labelled) {
                label = resolveLabel(row.get("label"), byName, names,
                        rowName + " " + (r + 1) + " ('" + path + "')");
            }
            List<String> values = new ArrayList<>(attributeNames.size());
            for (String a : attributeNames) {
                values.add(row.get(a));
            }
            entries.add(new ManifestEntry(path, label, values, r + 1));
        }
        String id = "manifest:" + manifest.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return of(new ImageListing(id, imageRoot, rowName, entries, labelled ? names : List.of(), attributeNames,
                List.of(manifest), List.of()), target);
    }

    /** {@link #fromCsv(Path, Path, ImageTarget, List)} with class names derived from the labels. */
    public static ManifestDataset fromCsv(Path manifest, Path imageRoot, ImageTarget target) {
        return fromCsv(manifest, imageRoot, target, List.of());
    }

    /**
     * A dataset over a listing built by a reader. Checks every path now (see the class comment)
     * and reports up to ten refused rows in one message.
     *
     * @throws InvalidInputException when the root is missing, the listing is empty, or a path is refused
     */
    public static ManifestDataset of(ImageListing listing, ImageTarget target) {
        Path root = listing.root();
        if (!Files.isDirectory(root)) {
            throw new InvalidInputException(root + ": image folder not found");
        }
        if (listing.entries().isEmpty()) {
            throw new InvalidInputException(listing.id() + ": no images listed (image folder " + root + ")");
        }
        Path rootLexical = root.toAbsolutePath().normalize();
        Path rootReal;
        try {
            rootReal = root.toRealPath();
        } catch (IOException e) {
            throw new InvalidInputException(root + ": image folder cannot be opened (" + e.getMessage() + ")", e);
        }
        List<ManifestEntry> entries = listing.entries();
        Path[] files = new Path[entries.size()];
        List<String> problems = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < files.length; i++) {
            ManifestEntry e = entries.get(i);
            String problem = null;
            try {
                files[i] = resolve(e.path(), rootLexical, rootReal);
            } catch (Refused r) {
                problem = r.getMessage();
            }
            if (problem != null) {
                refused++;
                if (problems.size() < MAX_REPORTED) {
                    problems.add(listing.origin(e) + ": " + problem);
                }
            }
        }
        if (refused > 0) {
            throw new InvalidInputException(refused + " of " + files.length + " listed images refused (root "
                    + root + "):\n  " + String.join("\n  ", problems)
                    + (refused > problems.size() ? "\n  ... and " + (refused - problems.size()) + " more" : ""));
        }
        return new ManifestDataset(listing, target, files, shareStrings(entries));
    }

    @Override
    public String id() {
        return listing.id();
    }

    @Override
    public String contentHash() {
        String h = hash;
        if (h == null) {
            List<Path> all = new ArrayList<>(listing.indexFiles());
            all.addAll(List.of(files));
            h = Hashing.sha256(all);
            hash = h;
        }
        return h;
    }

    @Override
    public int size() {
        return files.length;
    }

    @Override
    public int channels() {
        return target.channels();
    }

    @Override
    public int height() {
        return target.height();
    }

    @Override
    public int width() {
        return target.width();
    }

    /**
     * Decodes image {@code index} and brings it to the target size.
     *
     * @throws InvalidInputException naming the row, when the image has gone or is above the pixel limit
     * @throws org.atelier.core.errors.CorruptFileException when the image cannot be decoded
     */
    @Override
    public Sample get(int index) {
        Objects.checkIndex(index, files.length);
        ManifestEntry e = listing.entries().get(index);
        Image img;
        try {
            img = ImageFiles.read(files[index], target.maxPixels());
        } catch (InvalidInputException ex) {
            throw new InvalidInputException(listing.origin(e) + ": " + ex.getMessage(), ex);
        }
        img = ImageResize.centreCropResize(img.withChannels(target.channels()), target.height(), target.width());
        return new Sample(img, e.label(), attributesOf(index));
    }

    @Override
    public int labelOf(int index) {
        return listing.entries().get(index).label();
    }

    @Override
    public Map<String, String> attributesOf(int index) {
        Objects.checkIndex(index, files.length);
        Map<String, String> attrs = new LinkedHashMap<>();
        List<String> names = listing.attributeNames();
        for (int a = 0; a < names.size(); a++) {
            attrs.put(names.get(a), attributes[index][a]);
        }
        return attrs;
    }

    @Override
    public List<String> classNames() {
        return listing.classNames();
    }

    @Override
    public List<String> attributeNames() {
        return listing.attributeNames();
    }

    /** Path of sample {@code index} as listed, relative to {@link #root()}. */
    public String path(int index) {
        return listing.entries().get(index).path();
    }

    /** The folder image paths are relative to. */
    public Path root() {
        return listing.root();
    }

    /** What the reader skipped, one line each (e.g. UTKFace files whose names do not parse); empty when none. */
    public List<String> warnings() {
        return listing.warnings();
    }

    @Override
    public String toString() {
        return id() + " (" + size() + " images, " + channels() + "x" + height() + "x" + width() + ")";
    }

    /** Resolves a listed path inside the root, or says why it is refused. */
    private static Path resolve(String listed, Path rootLexical, Path rootReal) throws Refused {
        if (listed == null || listed.isBlank()) {
            throw new Refused("empty path");
        }
        Path rel;
        try {
            rel = Path.of(listed);
        } catch (InvalidPathException ex) {
            throw new Refused("not a valid path (" + ex.getReason() + ")");
        }
        if (rel.isAbsolute() || listed.startsWith("/") || listed.startsWith("\\")) {
            throw new Refused("absolute path refused: paths must be relative to the dataset root");
        }
        Path lexical = rootLexical.resolve(rel).normalize();
        if (!lexical.startsWith(rootLexical)) {
            throw new Refused("path escapes the dataset root");
        }
        Path real;
        try {
            real = lexical.toRealPath();
        } catch (NoSuchFileException ex) {
            throw new Refused("image not found: " + lexical);
        } catch (IOException ex) {
            throw new Refused("image cannot be opened: " + lexical + " (" + ex.getMessage() + ")");
        }
        if (!real.startsWith(rootReal)) {
            throw new Refused("resolves to " + real + ", outside the dataset root (symbolic link)");
        }
        if (!Files.isRegularFile(real)) {
            throw new Refused("not a regular file: " + lexical);
        }
        return real;
    }

    private static String[][] shareStrings(List<ManifestEntry> entries) {
        Map<String, String> pool = new HashMap<>();
        String[][] out = new String[entries.size()][];
        for (int i = 0; i < out.length; i++) {
            List<String> v = entries.get(i).attributeValues();
            out[i] = new String[v.size()];
            for (int a = 0; a < v.size(); a++) {
                out[i][a] = pool.computeIfAbsent(v.get(a), s -> s);
            }
        }
        return out;
    }

    private static List<String> deriveClassNames(CsvTable table) {
        TreeSet<String> distinct = new TreeSet<>();
        int max = -1;
        boolean allIndexes = true;
        for (Map<String, String> row : table.rows()) {
            String cell = row.get("label");
            distinct.add(cell);
            Integer k = parseIndex(cell);
            if (k == null) {
                allIndexes = false;
            } else {
                max = Math.max(max, k);
            }
        }
        if (allIndexes) {
            List<String> names = new ArrayList<>();
            for (int k = 0; k <= max; k++) {
                names.add(Integer.toString(k));
            }
            return names;
        }
        return List.copyOf(distinct);
    }

    private static int resolveLabel(String cell, Map<String, Integer> byName, List<String> names, String origin) {
        if (cell == null || cell.isEmpty()) {
            throw new InvalidInputException(origin + ": empty label, expected a class name or index");
        }
        Integer byNameIndex = byName.get(cell);
        if (byNameIndex != null) {
            return byNameIndex;
        }
        Integer k = parseIndex(cell);
        if (k != null && k < names.size()) {
            return k;
        }
        throw new InvalidInputException(origin + ": unknown label '" + cell + "', expected one of "
                + names + " or an index 0.." + (names.size() - 1));
    }

    /** A non-negative decimal integer, or null. */
    private static Integer parseIndex(String cell) {
        if (cell == null || cell.isEmpty() || cell.length() > 9 || !cell.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return null;
        }
        return Integer.parseInt(cell);
    }

    /** A path refused by {@link #resolve}; its message becomes one line of the refusal. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
