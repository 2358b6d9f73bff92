package org.atelier.training;

import java.util.List;
import java.util.Map;
import org.atelier.core.image.Image;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Sample;

/** A small in-memory dataset: a bright square whose position depends on the class (3 classes). */
final class TinyData implements ImageDataset {
    private final int n;
    private final int side;

    TinyData(int n, int side) {
        this.n = n;
        this.side = side;
    }

    @Override
    public String id() {
        return "tiny:" + n;
    }

    @Override
    public String contentHash() {
        return "tiny-v1-" + n + "-" + side;
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public int channels() {
        return 1;
    }

    @Override
    public int height() {
        return side;
    }

    @Override
    public int width() {
        return side;
    }

    @Override
    public Sample get(int index) {
        int label = index % 3;
        Image im = Image.blank(1, side, side, -1f);
        int x0 = 2 + label * 8 + (index / 3) % 3;
        int y0 = 4 + (index / 9) % 8;
        for (int y = y0; y < y0 + 8; y++) {
            for (int x = x0; x < x0 + 8 && x < side; x++) {
                im.set(0, y, x, 1f);
            }
        }
        return new Sample(im, label, Map.of());
    }

    @Override
    public List<String> classNames() {
        return List.of("left", "middle", "right");
    }

    @Override
    public List<String> attributeNames() {
        return List.of();
    }
}
