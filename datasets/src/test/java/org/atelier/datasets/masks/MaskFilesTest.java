package org.atelier.datasets.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskFilesTest {
    @TempDir
    Path dir;

    @Test
    void pngRoundTrip() {
        Mask m = MaskKinds.parse("thick").generate(48, 64, new SplittableRandom(3));
        Path file = dir.resolve("sub/mask.png");
        MaskFiles.write(m, file);
        assertEquals(m, MaskFiles.read(file, 48, 64));
        try (var listing = Files.list(file.getParent())) {
            assertEquals(1, listing.count(), "no temp file left beside the mask");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void wrongSizeNamesFileAndBothSizes() {
        Path file = dir.resolve("m.png");
        MaskFiles.write(Mask.empty(30, 20), file);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> MaskFiles.read(file, 28, 28));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("20x30"), e.getMessage());
        assertTrue(e.getMessage().contains("28x28"), e.getMessage());
    }

    @Test
    void corruptAndMissingFiles() throws IOException {
        Path junk = dir.resolve("junk.png");
        Files.write(junk, "not a png at all".getBytes());
        assertThrows(CorruptFileException.class, () -> MaskFiles.read(junk, 4, 4));

        Path good = dir.resolve("good.png");
        MaskFiles.write(MaskKinds.parse("thin").generate(64, 64, new SplittableRandom(1)), good);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.png");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(CorruptFileException.class, () -> MaskFiles.read(truncated, 64, 64));

        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> MaskFiles.read(dir.resolve("nope.png"), 4, 4));
        assertTrue(missing.getMessage().contains("nope.png"));
    }

    @Test
    void colourMasksThresholdOnLuminanceAtMidGrey() throws IOException {
        int[] rgb = {0xffffff, 0x000000, 0x808080, 0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x0000ff};
        boolean[] expected = {true, false, true, false, false, true, true, false};
        BufferedImage img = new BufferedImage(rgb.length, 1, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < rgb.length; x++) {
            img.setRGB(x, 0, rgb[x]);
        }
        Path file = dir.resolve("colour.bmp");
        assertTrue(ImageIO.write(img, "bmp", file.toFile()));
        Mask m = MaskFiles.read(file, 1, rgb.length);
        for (int x = 0; x < rgb.length; x++) {
            assertEquals(expected[x], m.isHole(0, x), "colour " + Integer.toHexString(rgb[x]));
        }
    }

    @Test
    void greyMasksUseRawSamplesAtEightAndSixteenBits() throws IOException {
        BufferedImage g8 = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        g8.getRaster().setSample(0, 0, 0, 127);
        g8.getRaster().setSample(1, 0, 0, 128);
        Path f8 = dir.resolve("g8.png");
        assertTrue(ImageIO.write(g8, "png", f8.toFile()));
        Mask m8 = MaskFiles.read(f8, 1, 2);
        assertFalse(m8.isHole(0, 0));
        assertTrue(m8.isHole(0, 1));

        BufferedImage g16 = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        g16.getRaster().setSample(0, 0, 0, 32767);
        g16.getRaster().setSample(1, 0, 0, 32768);
        Path f16 = dir.resolve("g16.png");
        assertTrue(ImageIO.write(g16, "png", f16.toFile()));
        Mask m16 = MaskFiles.read(f16, 1, 2);
        assertFalse(m16.isHole(0, 0));
        assertTrue(m16.isHole(0, 1));
    }
}
