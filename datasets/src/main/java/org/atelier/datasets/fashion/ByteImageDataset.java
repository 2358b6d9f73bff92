package org.atelier.datasets.fashion;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Sample;
import org.atelier.datasets.idx.IdxArray;

/**
 * Grey 8-bit images and class labels held in memory as bytes (1 byte per pixel, a quarter of
 * the float size); each {@link #get} converts one image to [-1, 1]. Safe for concurrent reads.
 */
final class ByteImageDataset implements ImageDataset {
    private final String id;
    private final byte[] pixels;
    private final byte[] labels;
    private final int height;
    private final int width;
    private final List<String> classNames;
    private final Supplier<String> hashSource;
    private volatile String hash;

    /**
     * @param images (n, height, width) unsigned bytes, already validated
     * @param labels (n) class indexes into {@code classNames}, already validated
     * @param hash   computes the content hash on first use
     */
    ByteImageDataset(String id, IdxArray images, IdxArray labels, List<String> classNames, Supplier<String> hash) {
        this.id = id;
        this.pixels = images.data();
        this.labels = labels.data();
        this.height = images.dim(1);
        this.width = images.dim(2);
        this.classNames = List.copyOf(classNames);
        this.hashSource = hash;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String contentHash() {
        String h = hash;
        if (h == null) {
            h = Objects.requireNonNull(hashSource.get());
            hash = h;
        }
        return h;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int channels() {
        return 1;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public Sample get(int index) {
        Objects.checkIndex(index, labels.length);
        int plane = height * width;
        float[] p = new float[plane];
        int offset = index * plane;
        for (int i = 0; i < plane; i++) {
            p[i] = ImageFiles.toUnit(pixels[offset + i] & 0xff);
        }
        return new Sample(new Image(1, height, width, p), labels[index] & 0xff, Map.of());
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public List<String> attributeNames() {
        return List.of();
    }

    @Override
    public String toString() {
        return id + " (" + size() + " images, 1x" + height + "x" + width + ")";
    }
}
