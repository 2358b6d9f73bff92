package org.atelier.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.atelier.datasets.ImageDataset;

/**
 * What a model needs to know of its data, kept in {@code runs/<name>/data.json} so a trained
 * run can be sampled without the data at hand.
 *
 * @param id              dataset id
 * @param channels        1 or 3
 * @param height          pixels
 * @param width           pixels
 * @param classNames      class names by label; empty when unlabelled
 * @param attributeValues per attribute column, its values in sorted order (what attribute-conditional
 *                        models embed); empty when the data has no attributes (or in older data.json files)
 */
public record DataShape(String id, int channels, int height, int width, List<String> classNames,
                        Map<String, List<String>> attributeValues) {
    /** Largest side a model is built for: the side of the image reader's default pixel limit. */
    public static final int MAX_SIDE = 4096;

    public DataShape {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        if (height < 1 || width < 1 || height > MAX_SIDE || width > MAX_SIDE) {
            throw new IllegalArgumentException("height and width must be 1 to " + MAX_SIDE + ", got " + height + "x"
                    + width);
        }
        if (classNames == null) {
            throw new IllegalArgumentException("class_names is required (empty for unlabelled data)");
        }
        classNames = List.copyOf(classNames);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (attributeValues != null) {
            attributeValues.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        attributeValues = java.util.Collections.unmodifiableMap(copy);
    }

    public DataShape(String id, int channels, int height, int width, List<String> classNames) {
        this(id, channels, height, width, classNames, Map.of());
    }

    /** The data's shape; attribute values are collected over every sample (without decoding images where the data allows). */
    public static DataShape of(ImageDataset d) {
        Map<String, TreeSet<String>> seen = new TreeMap<>();
        if (!d.attributeNames().isEmpty()) {
            for (String a : d.attributeNames()) {
                seen.put(a, new TreeSet<>());
            }
            for (int i = 0; i < d.size(); i++) {
                d.attributesOf(i).forEach((k, v) -> seen.computeIfAbsent(k, x -> new TreeSet<>()).add(v));
            }
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String a : d.attributeNames()) {
            values.put(a, List.copyOf(seen.get(a)));
        }
        return new DataShape(d.id(), d.channels(), d.height(), d.width(), d.classNames(), values);
    }
}
