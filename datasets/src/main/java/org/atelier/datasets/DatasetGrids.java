package org.atelier.datasets;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageGrid;
import org.atelier.core.random.Seeds;

/** Labelled sample grids of a dataset, as {@code datasets show} and the demo report draw them. */
public final class DatasetGrids {
    private DatasetGrids() {
    }

    /** Enlargement that makes small images legible: 28 px → ×3, 32 → ×3, 64 → ×2, larger → ×1. */
    public static int scaleFor(ImageDataset ds) {
        return Math.max(1, 96 / Math.max(ds.height(), ds.width()));
    }

    /** {@code n} samples drawn by seed, {@code columns} per row. */
    public static BufferedImage random(ImageDataset ds, int n, int columns, long seed) {
        List<Integer> all = java.util.stream.IntStream.range(0, ds.size()).boxed().toList();
        List<Image> images = Slices.pick(all, n, Seeds.derive(seed, "grid/random")).stream()
                .map(i -> ds.get(i).image()).toList();
        return ImageGrid.of(images, columns, scaleFor(ds));
    }

    /** One captioned block per value of {@code column} ("column=value (count)"), up to {@code perValue} samples each. */
    public static BufferedImage byColumn(ImageDataset ds, String column, int perValue, long seed) {
        List<ImageGrid.Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : Slices.indicesBy(ds, column).entrySet()) {
            List<Image> images = Slices.pick(e.getValue(), perValue, Seeds.derive(seed, "grid/" + e.getKey())).stream()
                    .map(i -> ds.get(i).image()).toList();
            if (!images.isEmpty()) {
                rows.add(new ImageGrid.Row(column + "=" + e.getKey() + "  (" + e.getValue().size() + ")", images));
            }
        }
        return ImageGrid.labelled(rows, perValue, scaleFor(ds), true);
    }
}
