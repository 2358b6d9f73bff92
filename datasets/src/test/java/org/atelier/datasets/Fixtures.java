package org.atelier.datasets;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Tiny image files for reader tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A {@code w × h} image of one colour, format "png" or "jpg", parent folders created. */
    public static Path image(Path file, int w, int h, int rgb, String format) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!ImageIO.write(img, format, file.toFile())) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public static Path png(Path file, int w, int h, int rgb) {
        return image(file, w, h, rgb, "png");
    }

    public static Path jpg(Path file, int w, int h, int rgb) {
        return image(file, w, h, rgb, "jpg");
    }

    public static Path text(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
