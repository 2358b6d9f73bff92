package org.atelier.training;

import java.util.List;
import org.atelier.datasets.ImageDataset;

/**
 * What a model needs to know of its data, kept in {@code runs/<name>/data.json} so a trained
 * run can be sampled without the data at hand.
 *
 * @param id         dataset id
 * @param channels   1 or 3
 * @param height     pixels
 * @param width      pixels
 * @param classNames class names by label; empty when unlabelled
 */
public record DataShape(String id, int channels, int height, int width, List<String> classNames) {
    public DataShape {
        classNames = List.copyOf(classNames);
    }

    public static DataShape of(ImageDataset d) {
        return new DataShape(d.id(), d.channels(), d.height(), d.width(), d.classNames());
    }
}
