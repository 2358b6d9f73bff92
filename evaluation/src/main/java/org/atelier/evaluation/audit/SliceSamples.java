package org.atelier.evaluation.audit;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageGrid;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.Slices;

/**
 * A grid of images grouped by slice, one captioned block per slice with its first few members:
 * what an auditor looks at to see what a slice holds, or what a classifier read as each value.
 */
public final class SliceSamples {
    private SliceSamples() {
    }

    /**
     * @param slices   the slice of each image, aligned with {@code images} (e.g. a classifier's readings)
     * @param perSlice images shown per slice at most, in their order
     * @param caption  put before each slice's name, e.g. {@code "read as "}
     * @throws InvalidInputException when images and slices are not aligned or there are none
     */
    public static BufferedImage grid(List<Image> images, List<String> slices, int perSlice, String caption) {
        if (images.size() != slices.size() || images.isEmpty()) {
            throw new InvalidInputException(images.size() + " images and " + slices.size() + " slice names; need as many "
                    + "of each, at least one");
        }
        Map<String, List<Image>> by = new TreeMap<>(Slices::naturalOrder);
        for (int i = 0; i < images.size(); i++) {
            List<Image> mine = by.computeIfAbsent(slices.get(i), k -> new ArrayList<>());
            if (mine.size() < perSlice) {
                mine.add(images.get(i));
            }
        }
        List<ImageGrid.Row> rows = new ArrayList<>();
        by.forEach((slice, mine) -> rows.add(new ImageGrid.Row(caption + slice, mine)));
        return ImageGrid.labelled(rows, perSlice, ImageGrid.legibleScale(images.get(0)), true);
    }

    /** The first {@code perSlice} images of each value of {@code column} in a dataset, captioned with the value and its count. */
    public static BufferedImage grid(ImageDataset ds, String column, int perSlice) {
        List<ImageGrid.Row> rows = new ArrayList<>();
        Image first = null;
        for (Map.Entry<String, List<Integer>> e : Slices.indicesBy(ds, column).entrySet()) {
            List<Image> mine = new ArrayList<>();
            for (int i : e.getValue().subList(0, Math.min(perSlice, e.getValue().size()))) {
                mine.add(ds.get(i).image());
            }
            first = first == null && !mine.isEmpty() ? mine.get(0) : first;
            rows.add(new ImageGrid.Row(column + " = " + e.getKey() + " (" + e.getValue().size() + " of " + ds.size() + ")",
                    mine));
        }
        if (first == null) {
            throw new InvalidInputException("dataset " + ds.id() + " is empty: no images to show");
        }
        return ImageGrid.labelled(rows, perSlice, ImageGrid.legibleScale(first), true);
    }
}
