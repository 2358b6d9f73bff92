package org.atelier.datasets.manifest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.atelier.core.errors.UserException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.faces.CelebA;
import org.atelier.datasets.faces.FairFace;
import org.atelier.datasets.faces.UtkFace;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the readers of the image listings an auditor brings: a CSV manifest, CelebA's
 * attribute file, FairFace's label CSV and UTKFace's file names (one name a line of the input).
 * Images exist for the names the seeds use ({@code a.png}, {@code b.png}, {@code sub/c.png},
 * {@code 000001.jpg}, {@code 000002.jpg}, {@code val/1.jpg}, {@code val/2.jpg}); every sample of a
 * dataset that opens is decoded and hashed. Only typed errors may escape.
 */
class ManifestFuzzTest {
    /** Where the inputs are written; JUnit removes it after the class. */
    @TempDir
    static Path scratch;
    private static final ImageTarget TARGET = ImageTarget.of(3, 8, 8);
    private static Path root;

    /** One folder of small images shared by every input (created once per JVM). */
    private static Path fixture() throws Exception {
        if (root == null) {
            Path r = scratch;
            Image img = new Image(3, 4, 4, new float[48]);
            for (String n : new String[] {"images/a.png", "images/b.png", "images/sub/c.png",
                "celeba/img_align_celeba/000001.jpg", "celeba/img_align_celeba/000002.jpg",
                "fairface/val/1.jpg", "fairface/val/2.jpg"}) {
                ImageFiles.writePng(img, r.resolve(n)); // PNG bytes under a .jpg name: readers go by content
            }
            root = r;
        }
        return root;
    }

    private static void use(ImageDataset d) {
        for (int i = 0; i < Math.min(d.size(), 4); i++) {
            d.get(i);
        }
        d.contentHash();
    }

    @FuzzTest(maxDuration = "10m")
    void manifestCsv(byte[] data) throws Exception {
        Path r = fixture();
        Path csv = Files.write(r.resolve("manifest.csv"), data);
        try {
            use(ManifestDataset.fromCsv(csv, r.resolve("images"), TARGET));
        } catch (UserException expected) {
            // typed refusal
        }
    }

    @FuzzTest(maxDuration = "10m")
    void celebA(byte[] data) throws Exception {
        Path r = fixture();
        Files.write(r.resolve("celeba/" + CelebA.ATTRIBUTE_FILE), data);
        try {
            use(CelebA.open(r.resolve("celeba"), TARGET));
        } catch (UserException expected) {
            // typed refusal
        }
    }

    @FuzzTest(maxDuration = "10m")
    void fairFace(byte[] data) throws Exception {
        Path r = fixture();
        Path csv = Files.write(r.resolve("fairface/fairface_label_val.csv"), data);
        try {
            use(FairFace.open(r.resolve("fairface"), csv, TARGET));
        } catch (UserException expected) {
            // typed refusal
        }
    }

    /** Each line of the input names one image file in a fresh UTKFace folder (names a file system refuses are skipped). */
    @FuzzTest(maxDuration = "10m")
    void utkFaceNames(byte[] data) throws Exception {
        Path r = fixture();
        Path dir = r.resolve("utkface");
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        byte[] png = Files.readAllBytes(r.resolve("images/a.png"));
        int made = 0;
        for (String name : new String(data, StandardCharsets.UTF_8).split("\n")) {
            if (name.isEmpty() || name.length() > 200 || name.contains("/") || name.indexOf('\0') >= 0
                    || name.equals(".") || name.equals("..") || made >= 16) {
                continue;
            }
            try {
                Files.write(dir.resolve(name), png);
                made++;
            } catch (java.nio.file.InvalidPathException | java.io.IOException ignored) {
                // a name this file system cannot hold is not an input UTKFace can meet
            }
        }
        try {
            use(UtkFace.open(dir, TARGET));
        } catch (UserException expected) {
            // typed refusal
        }
    }
}
