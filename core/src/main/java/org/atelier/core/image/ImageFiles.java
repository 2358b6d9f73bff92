package org.atelier.core.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.io.AtomicFiles;

/**
 * Reads PNG/JPEG/BMP into {@link Image} and writes PNG, converting between 8-bit and [-1, 1].
 * Reading checks the declared size against a pixel limit before any pixel is decoded, so a
 * hostile or mistaken 50 000 × 50 000 file cannot exhaust memory.
 */
public final class ImageFiles {
    /** Default ceiling on width × height: a 4096 × 4096 picture. */
    public static final long DEFAULT_MAX_PIXELS = 4096L * 4096L;

    private ImageFiles() {
    }

    public static Image read(Path file) {
        return read(file, DEFAULT_MAX_PIXELS);
    }

    public static Image read(Path file, long maxPixels) {
        return fromBuffered(readBuffered(file, maxPixels));
    }

    /** Decodes a file into a BufferedImage after checking it exists, is an image and fits the pixel limit. */
    public static BufferedImage readBuffered(Path file, long maxPixels) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such image file");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new CorruptFileException(file, "not a readable image (expected PNG, JPEG, BMP or GIF)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w * h > maxPixels) {
                    throw new InvalidInputException(file + ": image is " + w + "x" + h + " = " + w * h
                            + " pixels, above the limit of " + maxPixels + " pixels");
                }
                BufferedImage img = reader.read(0);
                if (img == null) {
                    throw new CorruptFileException(file, "image data could not be decoded");
                }
                return img;
            } finally {
                reader.dispose();
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such image file");
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException || e instanceof CorruptFileException) {
                throw (RuntimeException) e;
            }
            throw new CorruptFileException(file, "corrupt or truncated image (" + e.getMessage() + ")", e);
        }
    }

    /** Grey images stay single-channel; everything else becomes RGB (alpha dropped). */
    public static Image fromBuffered(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        boolean grey = img.getType() == BufferedImage.TYPE_BYTE_GRAY;
        int channels = grey ? 1 : 3;
        float[] p = new float[channels * h * w];
        int plane = h * w;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (grey) {
                    p[i] = toUnit(img.getRaster().getSample(x, y, 0));
                } else {
                    int rgb = img.getRGB(x, y);
                    p[i] = toUnit((rgb >> 16) & 0xff);
                    p[plane + i] = toUnit((rgb >> 8) & 0xff);
                    p[2 * plane + i] = toUnit(rgb & 0xff);
                }
            }
        }
        return new Image(channels, h, w, p);
    }

    public static BufferedImage toBuffered(Image image) {
        int w = image.width();
        int h = image.height();
        if (image.channels() == 1) {
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out.getRaster().setSample(x, y, 0, toByte(image.get(0, y, x)));
                }
            }
            return out;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = toByte(image.get(0, y, x));
                int g = toByte(image.get(1, y, x));
                int b = toByte(image.get(2, y, x));
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    /** Writes a PNG atomically (temp file, fsync, rename). */
    public static void writePng(Image image, Path file) {
        writePng(toBuffered(image), file);
    }

    public static void writePng(BufferedImage image, Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeBytes(file, bytes.toByteArray());
    }

    /**
     * Writes every image as {@code dir/PREFIX-00000.png}, {@code -00001}, … in order (the layout
     * other scoring tools read, and {@code metrics fidelity} pairs by name).
     */
    public static void writeNumbered(List<Image> images, Path dir, String prefix) {
        for (int i = 0; i < images.size(); i++) {
            writePng(images.get(i), dir.resolve(String.format("%s-%05d.png", prefix, i)));
        }
    }

    /** 8-bit value 0..255 to [-1, 1]. */
    public static float toUnit(int v) {
        return v / 127.5f - 1f;
    }

    /** [-1, 1] to 8-bit, clamped and rounded. */
    public static int toByte(float v) {
        int b = Math.round((v + 1f) * 127.5f);
        return Math.max(0, Math.min(255, b));
    }
}
