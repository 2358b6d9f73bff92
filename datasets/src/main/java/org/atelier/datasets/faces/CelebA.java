package org.atelier.datasets.faces;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.io.TextLines;
import org.atelier.datasets.Sample;
import org.atelier.datasets.manifest.ImageListing;
import org.atelier.datasets.manifest.ImageTarget;
import org.atelier.datasets.manifest.ManifestDataset;
import org.atelier.datasets.manifest.ManifestEntry;

/**
 * CelebA (Liu, Luo, Wang and Tang, "Deep Learning Face Attributes in the Wild", ICCV 2015) in
 * its published layout: {@code list_attr_celeba.txt} and the aligned images in
 * {@code img_align_celeba/}.
 *
 * <p>{@code list_attr_celeba.txt}: line 1 the image count; line 2 the attribute names (40 in the
 * release, e.g. {@code Smiling Young}), separated by spaces; then one line per image, the file
 * name followed by one value per attribute, {@code 1} (has it) or {@code -1} (has not), separated
 * by one or more spaces. Each sample gets attributes {@code <name>=yes|no}; no class labels. Id
 * {@code celeba}; the attribute file is hashed with the images.
 */
public final class CelebA {
    public static final String ATTRIBUTE_FILE = "list_attr_celeba.txt";
    public static final String IMAGE_DIR = "img_align_celeba";

    private CelebA() {
    }

    /** {@code dir/list_attr_celeba.txt} with images in {@code dir/img_align_celeba/}. */
    public static ManifestDataset open(Path dir, ImageTarget target) {
        return open(dir.resolve(ATTRIBUTE_FILE), dir.resolve(IMAGE_DIR), target);
    }

    /**
     * @throws InvalidInputException when a file is missing
     * @throws CorruptFileException  naming the line, when the attribute file breaks its format
     */
    public static ManifestDataset open(Path attributeFile, Path imageDir, ImageTarget target) {
        if (!Files.isRegularFile(attributeFile)) {
            throw new InvalidInputException(attributeFile + ": no such CelebA attribute file (expected "
                    + ATTRIBUTE_FILE + ")");
        }
        List<String> names;
        List<ManifestEntry> entries = new ArrayList<>();
        try (TextLines in = TextLines.open(attributeFile)) {
            String countLine = in.next();
            int declared;
            try {
                declared = Integer.parseInt(countLine == null ? "" : countLine.trim());
            } catch (NumberFormatException e) {
                throw new CorruptFileException(attributeFile, "line 1 is '" + countLine
                        + "', expected the number of images");
            }
            String nameLine = in.next();
            names = nameLine == null ? List.of() : List.of(nameLine.trim().split("\\s+"));
            if (names.isEmpty() || names.get(0).isEmpty()) {
                throw new CorruptFileException(attributeFile, "line 2 is empty, expected the attribute names");
            }
            if (new HashSet<>(names).size() != names.size()) {
                throw new CorruptFileException(attributeFile, "line 2 repeats an attribute name");
            }
            for (String line; (line = in.next()) != null; ) {
                int lineNo = in.number();
                if (line.isBlank()) {
                    continue;
                }
                entries.add(parseRow(line, lineNo, names.size(), attributeFile));
            }
            if (entries.size() != declared) {
                throw new CorruptFileException(attributeFile, "line 1 declares " + declared + " images, found "
                        + entries.size() + " image lines");
            }
        } catch (IOException e) {
            throw new CorruptFileException(attributeFile, "could not be read (" + e.getMessage() + ")", e);
        }
        return ManifestDataset.of(new ImageListing("celeba", imageDir, ATTRIBUTE_FILE + " line", entries,
                List.of(), names, List.of(attributeFile), List.of()), target);
    }

    private static ManifestEntry parseRow(String line, int lineNo, int n, Path file) {
        String[] f = line.trim().split("\\s+");
        if (f.length != n + 1) {
            throw new CorruptFileException(file, "line " + lineNo + " has " + (f.length - 1) + " values for "
                    + n + " attributes, expected a file name and one value per attribute");
        }
        List<String> values = new ArrayList<>(n);
        for (int a = 1; a <= n; a++) {
            values.add(switch (f[a]) {
                case "1" -> "yes";
                case "-1" -> "no";
                default -> throw new CorruptFileException(file, "line " + lineNo + ", value " + a + " is '"
                        + f[a] + "', expected 1 or -1");
            });
        }
        return new ManifestEntry(f[0], Sample.NO_LABEL, values, lineNo);
    }
}
