package org.atelier.datasets.masks;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.nio.file.Path;
import org.atelier.core.errors.CorruptFileException;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.ImageFiles;
import org.atelier.core.image.Luma;

/**
 * Mask images on disk: white (bright) = hole, black = keep, as LaMa stores its masks. Reading
 * accepts any format ImageIO decodes (PNG, BMP, GIF, JPEG) and any pixel layout; a pixel is a
 * hole when its luminance is above mid-grey (more than half the sample range, i.e. ≥ 128 of
 * 255 for 8-bit images), so anti-aliased or JPEG-blurred edges split evenly. Writing produces an
 * 8-bit grey PNG with 255 for holes and 0 elsewhere.
 */
public final class MaskFiles {
    private MaskFiles() {
    }

    /**
     * Reads a mask that must be {@code expectedWidth × expectedHeight}.
     *
     * @throws InvalidInputException a missing file, an image above the pixel limit, or a size
     *                               other than expected (the message names the file, its size
     *                               and the expected size)
     * @throws CorruptFileException  a file that is not a decodable image
     */
    public static Mask read(Path file, int expectedHeight, int expectedWidth) {
        BufferedImage img = ImageFiles.readBuffered(file, ImageFiles.DEFAULT_MAX_PIXELS);
        int w = img.getWidth();
        int h = img.getHeight();
        if (w != expectedWidth || h != expectedHeight) {
            throw new InvalidInputException(file + ": mask is " + w + "x" + h + " (width x height), expected "
                    + expectedWidth + "x" + expectedHeight + " to match the images");
        }
        boolean[] hole = new boolean[h * w];
        ColorModel cm = img.getColorModel();
        boolean grey = cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(cm instanceof IndexColorModel);
        if (grey) {
            // Grey samples are read raw: getRGB would convert them from linear grey to sRGB
            // and brighten mid-tones, moving the threshold.
            Raster raster = img.getRaster();
            double half = ((1L << cm.getComponentSize(0)) - 1) / 2.0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    hole[y * w + x] = raster.getSample(x, y, 0) > half;
                }
            }
        } else {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = img.getRGB(x, y);
                    double luma = Luma.of((double) ((rgb >> 16) & 0xff), (rgb >> 8) & 0xff, rgb & 0xff);
                    hole[y * w + x] = luma > 127.5;
                }
            }
        }
        return new Mask(h, w, hole);
    }

    /** Writes the mask as an 8-bit grey PNG (255 = hole), atomically (temp file then rename). */
    public static void write(Mask mask, Path file) {
        ImageFiles.writePng(mask.toImage(), file);
    }
}
