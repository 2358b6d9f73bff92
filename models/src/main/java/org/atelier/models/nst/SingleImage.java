package org.atelier.models.nst;

import java.util.List;
import java.util.Map;
import org.atelier.core.image.Image;
import org.atelier.core.io.Hashing;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Sample;

/**
 * A dataset of one image: what the training loop is handed for a Gatys optimisation (whose
 * steps do not read their batch; the loop still draws one, and uses it for its preview).
 */
public record SingleImage(String id, Image image) implements ImageDataset {
    @Override
    public String contentHash() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * image.pixels().length);
        for (float v : image.pixels()) {
            b.putFloat(v);
        }
        return Hashing.sha256(b.array());
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public int channels() {
        return image.channels();
    }

    @Override
    public int height() {
        return image.height();
    }

    @Override
    public int width() {
        return image.width();
    }

    @Override
    public Sample get(int index) {
        if (index != 0) {
            throw new IndexOutOfBoundsException(index);
        }
        return new Sample(image, Sample.NO_LABEL, Map.of());
    }

    @Override
    public List<String> classNames() {
        return List.of();
    }

    @Override
    public List<String> attributeNames() {
        return List.of();
    }
}
