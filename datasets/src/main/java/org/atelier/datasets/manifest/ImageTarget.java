package org.atelier.datasets.manifest;

import org.atelier.core.image.ImageFiles;

/**
 * The one size every sample of a file-backed dataset is brought to, and the largest source
 * image accepted.
 *
 * @param channels  1 (grey, ITU-R BT.601 luma of RGB sources) or 3 (RGB; grey sources repeated)
 * @param height    rows after centre-crop and area-averaging resize, {@code > 0}
 * @param width     columns, {@code > 0}
 * @param maxPixels largest source width × height read; larger files are refused from their header,
 *                  before any pixel is decoded
 */
public record ImageTarget(int channels, int height, int width, long maxPixels) {
    public ImageTarget {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("target size must be positive, got " + width + "x" + height);
        }
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
    }

    /** A target with the default pixel limit {@link ImageFiles#DEFAULT_MAX_PIXELS}. */
    public static ImageTarget of(int channels, int height, int width) {
        return new ImageTarget(channels, height, width, ImageFiles.DEFAULT_MAX_PIXELS);
    }
}
