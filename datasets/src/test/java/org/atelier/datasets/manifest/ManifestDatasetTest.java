package org.atelier.datasets.manifest;

import static org.atelier.datasets.Fixtures.png;
import static org.atelier.datasets.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.ImageFiles;
import org.atelier.datasets.Sample;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestDatasetTest {
    @TempDir
    Path tmp;
    Path root;
    final ImageTarget target = ImageTarget.of(3, 8, 8);

    @BeforeEach
    void images() {
        root = tmp.resolve("data");
        png(root.resolve("cats/a.png"), 32, 16, 0xff0000); // wide: centre-cropped to square
        png(root.resolve("dogs/b.png"), 8, 8, 0x0000ff);
        png(root.resolve("c.png"), 5, 20, 0x808080); // tall and smaller than the target
    }

    private Path manifest(String body) {
        return text(tmp.resolve("manifest.csv"), body);
    }

    private static String refusal(Runnable r) {
        return assertThrows(InvalidInputException.class, r::run).getMessage();
    }

    @Test
    void readsLabelsAttributesAndConformsSize() {
        Path m = manifest("path,label,skin_tone,note\n"
                + "cats/a.png,cat,MST-3,\"quoted, with comma\"\n"
                + "dogs/b.png,dog,MST-7,\n"
                + "c.png,1,MST-7,x\n");
        ManifestDataset d = ManifestDataset.fromCsv(m, root, target, List.of("cat", "dog"));
        assertEquals("manifest:manifest", d.id());
        assertEquals(3, d.size());
        assertEquals(List.of("cat", "dog"), d.classNames());
        assertEquals(List.of("skin_tone", "note"), d.attributeNames());
        Sample a = d.get(0);
        assertEquals(0, a.label());
        assertEquals(Map.of("skin_tone", "MST-3", "note", "quoted, with comma"), a.attributes());
        assertEquals(3, a.image().channels());
        assertEquals(8, a.image().height());
        assertEquals(8, a.image().width());
        assertEquals(1f, a.image().get(0, 4, 4), 1e-6);
        assertEquals(-1f, a.image().get(2, 4, 4), 1e-6);
        assertEquals("", d.get(1).attributes().get("note"));
        assertEquals(1, d.get(2).label()); // index form
        assertEquals(8, d.get(2).image().width());
        assertEquals(ImageFiles.toUnit(0x80), d.get(2).image().get(1, 7, 7), 1e-5);
        assertEquals("dogs/b.png", d.path(1));
        assertTrue(d.warnings().isEmpty());
    }

    @Test
    void greyTargetUsesLuma() {
        Path m = manifest("path\ncats/a.png\n");
        ManifestDataset d = ManifestDataset.fromCsv(m, root, ImageTarget.of(1, 4, 4));
        assertEquals(1, d.channels());
        // pure red: luma 0.299 of full range, i.e. -1 + 2 * 0.299
        assertEquals(-1f + 2 * 0.299f, d.get(0).image().get(0, 1, 1), 1e-5);
        assertTrue(d.classNames().isEmpty());
        assertEquals(Sample.NO_LABEL, d.get(0).label());
    }

    @Test
    void classNamesAreDerivedWhenNotGiven() {
        ManifestDataset byName = ManifestDataset.fromCsv(
                manifest("path,label\ncats/a.png,zebra\ndogs/b.png,ant\nc.png,zebra\n"), root, target);
        assertEquals(List.of("ant", "zebra"), byName.classNames());
        assertEquals(1, byName.get(0).label());
        ManifestDataset byIndex = ManifestDataset.fromCsv(
                manifest("path,label\ncats/a.png,2\ndogs/b.png,0\n"), root, target);
        assertEquals(List.of("0", "1", "2"), byIndex.classNames());
        assertEquals(2, byIndex.get(0).label());
    }

    /**
     * Issue 16, item 4: a label of 999999999 used to build a dense table of a billion class names and
     * exhaust the heap; it is refused, naming the row, before anything is allocated.
     */
    @Test
    void aHugeIntegerLabelIsRefusedNamingTheRowInsteadOfExhaustingTheHeap() {
        Path m = manifest("path,label\ncats/a.png,0\ndogs/b.png,999999999\n");
        String msg = refusal(() -> ManifestDataset.fromCsv(m, root, target));
        assertTrue(msg.startsWith("manifest.csv row 2: label 999999999 is read as a class index"), msg);
        Path ok = manifest("path,label\ncats/a.png,0\ndogs/b.png," + (ManifestDataset.MAX_DERIVED_CLASSES - 1) + "\n");
        assertEquals(ManifestDataset.MAX_DERIVED_CLASSES, ManifestDataset.fromCsv(ok, root, target).classNames().size());
    }

    @Test
    void unknownLabelNamesTheRow() {
        Path m = manifest("path,label\ncats/a.png,cat\ndogs/b.png,horse\n");
        String msg = refusal(() -> ManifestDataset.fromCsv(m, root, target, List.of("cat", "dog")));
        assertTrue(msg.contains("manifest.csv row 2") && msg.contains("unknown label 'horse'"), msg);
        Path m2 = manifest("path,label\ncats/a.png,2\n");
        msg = refusal(() -> ManifestDataset.fromCsv(m2, root, target, List.of("cat", "dog")));
        assertTrue(msg.contains("unknown label '2'"), msg);
    }

    @Test
    void parentEscapeIsRefusedWithItsRow() {
        text(tmp.resolve("secret.png"), "not really");
        Path m = manifest("path\ncats/a.png\n../secret.png\ncats/../../secret.png\n");
        String msg = refusal(() -> ManifestDataset.fromCsv(m, root, target));
        assertTrue(msg.contains("2 of 3 listed images refused"), msg);
        assertTrue(msg.contains("manifest.csv row 2 ('../secret.png'): path escapes the dataset root"), msg);
        assertTrue(msg.contains("manifest.csv row 3"), msg);
    }

    @Test
    void absolutePathIsRefused() {
        Path abs = root.resolve("c.png").toAbsolutePath();
        Path m = manifest("path\n" + abs + "\n");
        String msg = refusal(() -> ManifestDataset.fromCsv(m, root, target));
        assertTrue(msg.contains("row 1") && msg.contains("absolute path refused"), msg);
    }

    @Test
    void symlinkLeavingTheRootIsRefused() throws IOException {
        Path outside = png(tmp.resolve("outside.png"), 4, 4, 0);
        Files.createSymbolicLink(root.resolve("link.png"), outside);
        Files.createSymbolicLink(root.resolve("inside-link.png"), root.resolve("c.png"));
        ManifestDataset ok = ManifestDataset.fromCsv(manifest("path\ninside-link.png\n"), root, target);
        assertEquals(1, ok.size());
        Path m = manifest("path\nlink.png\n");
        String msg = refusal(() -> ManifestDataset.fromCsv(m, root, target));
        assertTrue(msg.contains("row 1 ('link.png')") && msg.contains("outside the dataset root"), msg);
    }

    @Test
    void missingImageIsRefusedUpFront() {
        Path m = manifest("path,label\ncats/a.png,0\ncats/gone.png,0\n");
        String msg = refusal(() -> ManifestDataset.fromCsv(m, root, target));
        assertTrue(msg.contains("row 2 ('cats/gone.png'): image not found"), msg);
    }

    @Test
    void imageAbovePixelLimitIsRefusedOnRead() {
        Path m = manifest("path\ndogs/b.png\ncats/a.png\n");
        ManifestDataset d = ManifestDataset.fromCsv(m, root, new ImageTarget(3, 8, 8, 100));
        assertEquals(8, d.get(0).image().width()); // 64 pixels: fine
        String msg = refusal(() -> d.get(1));
        assertTrue(msg.contains("row 2 ('cats/a.png')") && msg.contains("above the limit of 100 pixels"), msg);
    }

    @Test
    void undecodableImageIsCorrupt() {
        text(root.resolve("bad.png"), "plain text, not a PNG");
        ManifestDataset d = ManifestDataset.fromCsv(manifest("path\nbad.png\n"), root, target);
        assertThrows(CorruptFileException.class, () -> d.get(0));
    }

    @Test
    void malformedCsvAndMissingColumnAreReported() {
        Path wide = manifest("path,label\ncats/a.png,0,extra\n");
        assertThrows(CorruptFileException.class, () -> ManifestDataset.fromCsv(wide, root, target));
        Path noPath = manifest("file,label\ncats/a.png,0\n");
        String msg = refusal(() -> ManifestDataset.fromCsv(noPath, root, target));
        assertTrue(msg.contains("no 'path' column") && msg.contains("file, label"), msg);
        Path empty = manifest("");
        assertThrows(CorruptFileException.class, () -> ManifestDataset.fromCsv(empty, root, target));
        Path headerOnly = manifest("path\n");
        assertTrue(refusal(() -> ManifestDataset.fromCsv(headerOnly, root, target)).contains("no images"));
        assertTrue(refusal(() -> ManifestDataset.fromCsv(tmp.resolve("none.csv"), root, target))
                .contains("no such CSV file"));
    }

    @Test
    void contentHashCoversManifestAndImages() {
        Path m = manifest("path\ncats/a.png\nc.png\n");
        String h1 = ManifestDataset.fromCsv(m, root, target).contentHash();
        assertEquals(h1, ManifestDataset.fromCsv(m, root, target).contentHash());
        png(root.resolve("c.png"), 5, 20, 0x818181);
        String h2 = ManifestDataset.fromCsv(m, root, target).contentHash();
        assertNotEquals(h1, h2);
        Path reordered = manifest("path\nc.png\ncats/a.png\n");
        assertNotEquals(h2, ManifestDataset.fromCsv(reordered, root, target).contentHash());
    }
}
