package org.atelier.evaluation.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.fashion.FashionMnist;
import org.atelier.models.features.FmnistV1;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassReadbackTest {
    @Test
    void countsSamplesReadAsTheirAskedClassPerClassAndOverall() {
        int[] read = {0, 1, 2, 1};
        ClassReadback r = ClassReadback.of(List.of("a", "b", "c"), new int[] {0, 1, 2, 2}, read);
        assertEquals(3, r.overall().count());
        assertEquals(0.75, r.overall().share());
        assertEquals(List.of("a", "b", "c"), r.perClass().stream().map(ShareTable.Share::value).toList());
        assertEquals(0.5, r.perClass().get(2).share(), "c asked twice, read once");
        assertTrue(r.overall().ciLow() < 0.75 && r.overall().ciHigh() < 1, "Wilson interval around 3 of 4");
    }

    /**
     * Real test images written in the order {@code atelier sample} writes classes in turn (file k of
     * class k mod 10): the folder's read-back must count exactly the files the classifier reads as
     * their true label, overall and per class.
     */
    @Test
    void aFolderInClassOrderIsReadAgainstClassKModTen(@TempDir Path dir) {
        ImageDataset test = FashionMnist.embeddedTest();
        FmnistV1 reader = FmnistV1.load();
        List<Image> written = new ArrayList<>();
        int[] next = new int[10];
        for (int k = 0; k < 40; k++) {
            int wanted = k % 10;
            int i = next[wanted];
            while (test.get(i).label() != wanted) {
                i++;
            }
            next[wanted] = i + 1;
            written.add(test.get(i).image());
            ImageFiles.writePng(test.get(i).image(), dir.resolve(String.format("sample-%05d.png", k)));
        }
        int[] read = reader.classify(written.stream().map(im -> reader.prepare(im, "test")).toList());
        int right = 0;
        for (int k = 0; k < read.length; k++) {
            right += read[k] == k % 10 ? 1 : 0;
        }
        ClassReadback r = ClassReadback.ofFolder(dir, OptionalInt.empty(), reader);
        assertEquals(right, r.overall().count());
        assertTrue(right >= 30, "fmnist-v1 reads 92 % of real test images right, got " + right + " of 40");
        assertEquals(10, r.perClass().size());

        ClassReadback allSeven = ClassReadback.ofFolder(dir, OptionalInt.of(7), reader);
        int sevens = 0;
        for (int v : read) {
            sevens += v == 7 ? 1 : 0;
        }
        assertEquals(sevens, allSeven.overall().count(), "every file asked for class 7");
        assertEquals(1, allSeven.perClass().size());
    }

    @Test
    void aMissingOrEmptyFolderIsNamed(@TempDir Path dir) {
        InvalidInputException empty = assertThrows(InvalidInputException.class,
                () -> ClassReadback.ofFolder(dir, OptionalInt.empty(), FmnistV1.load()));
        assertTrue(empty.getMessage().contains(dir.toString()) && empty.getMessage().contains("no image files"),
                empty.getMessage());
        Path missing = dir.resolve("nowhere");
        InvalidInputException none = assertThrows(InvalidInputException.class,
                () -> ClassReadback.ofFolder(missing, OptionalInt.empty(), FmnistV1.load()));
        assertTrue(none.getMessage().contains(missing.toString()), none.getMessage());
    }
}
