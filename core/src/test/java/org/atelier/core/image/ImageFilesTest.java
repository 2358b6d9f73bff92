package org.atelier.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
    @TempDir
    Path dir;

    private static Image gradient(int channels, int h, int w) {
        float[] p = new float[channels * h * w];
        for (int i = 0; i < p.length; i++) {
            p[i] = ImageFiles.toUnit(i * 7 % 256);
        }
        return new Image(channels, h, w, p);
    }

    @Test
    void pngRoundTripIsExactOn8BitValues() {
        for (int c : new int[] {1, 3}) {
            Image img = gradient(c, 5, 7);
            Path f = dir.resolve("img" + c + ".png");
            ImageFiles.writePng(img, f);
            Image back = ImageFiles.read(f);
            assertEquals(c, back.channels());
            assertArrayEquals(img.pixels(), back.pixels(), 1e-6f);
        }
    }

    @Test
    void unitAndByteConversionsCoverTheRangeEnds() {
        assertEquals(-1f, ImageFiles.toUnit(0));
        assertEquals(1f, ImageFiles.toUnit(255));
        assertEquals(0, ImageFiles.toByte(-3f));
        assertEquals(255, ImageFiles.toByte(2f));
        assertEquals(128, ImageFiles.toByte(0.0039215f));
    }

    @Test
    void imageAboveThePixelLimitIsRefusedBeforeDecoding() {
        Path f = dir.resolve("big.png");
        ImageFiles.writePng(gradient(3, 100, 100), f);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ImageFiles.read(f, 5000));
        assertTrue(e.getMessage().contains("100x100") && e.getMessage().contains("5000"), e.getMessage());
    }

    @Test
    void missingCorruptAndTruncatedFilesAreTypedErrorsNamingTheFile() throws Exception {
        Path missing = dir.resolve("absent.png");
        assertTrue(assertThrows(InvalidInputException.class, () -> ImageFiles.read(missing)).getMessage()
                .contains("absent.png"));
        Path text = dir.resolve("notes.png");
        Files.writeString(text, "this is not an image");
        assertThrows(CorruptFileException.class, () -> ImageFiles.read(text));
        Path good = dir.resolve("good.png");
        ImageFiles.writePng(gradient(3, 40, 40), good);
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.png");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> ImageFiles.read(cut));
        assertTrue(e.getMessage().contains("cut.png"), e.getMessage());
    }

    @Test
    void greyImagesBecomeRgbByRepeatingTheChannel() {
        Image g = gradient(1, 2, 3);
        Image rgb = g.toRgb();
        assertEquals(3, rgb.channels());
        assertEquals(g.get(0, 1, 2), rgb.get(2, 1, 2));
    }
}
