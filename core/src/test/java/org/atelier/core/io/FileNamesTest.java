package org.atelier.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, item 11: file names the locale cannot decode, and a folder given as an image. */
class FileNamesTest {
    @TempDir
    Path dir;

    /** Renames {@code from} to a name holding the Latin-1 byte 0xE9 (é), invalid in UTF-8, with the shell. */
    static void renameToLatin1(Path from, Path folder, String stem) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "mv \"$1\" \"$2/$(printf '" + stem + "\\351.png')\"", "sh",
                from.toString(), folder.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
    }

    @Test
    void anInputWhoseNameIsNotUtf8IsFoundByItsRawBytes() throws Exception {
        Image img = new Image(1, 2, 3, new float[] {-1, 0, 1, 1, 0, -1});
        Path plain = dir.resolve("plain.png");
        ImageFiles.writePng(img, plain);
        renameToLatin1(plain, dir, "caf");
        // what the JVM makes of the argument "caf\xE9.png" under a UTF-8 locale
        Path typed = dir.resolve("caf\uFFFD.png");
        assertFalse(Files.exists(typed), "the decoded name names no file: the failure this guards against");
        assertEquals(img.height(), ImageFiles.read(typed).height());
        assertEquals(img.width(), ImageFiles.read(typed).width());
    }

    @Test
    void anOutputWhoseNameIsNotUtf8IsRefusedRatherThanWrittenUnderAnother() throws Exception {
        Path typed = dir.resolve("out\uFFFD.png");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> AtomicFiles.writeString(typed, "x"));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.toList(), "nothing written under the replacement name");
        }
    }

    @Test
    void twoNamesDecodingAlikeAreRefusedAsAmbiguousNotMissing() throws Exception {
        Path a = Files.writeString(dir.resolve("a.png"), "a");
        Path b = Files.writeString(dir.resolve("b.png"), "b");
        renameToLatin1(a, dir, "x");   // x\xE9.png
        Process p = new ProcessBuilder("sh", "-c", "mv \"$1\" \"$2/$(printf 'x\\377.png')\"", "sh",
                b.toString(), dir.toString()).inheritIO().start();   // x\xFF.png
        assertEquals(0, p.waitFor());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> FileNames.existingFile(dir.resolve("x\uFFFD.png"), "image file"));
        assertTrue(e.getMessage().contains("2 or more files"), e.getMessage());
    }

    @Test
    void aFolderGivenAsAnImageIsNamedAsAFolder() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("photos"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ImageFiles.read(folder));
        assertEquals(folder + ": is a folder, expected an image file", e.getMessage());
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> ImageFiles.read(dir.resolve("nope.png")));
        assertTrue(missing.getMessage().endsWith("no such image file"), missing.getMessage());
    }
}
