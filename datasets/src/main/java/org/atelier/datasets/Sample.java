package org.atelier.datasets;

import java.util.Map;
import org.atelier.core.image.Image;

/**
 * One sample of an {@link ImageDataset}.
 *
 * @param image      (C, H, W) in [-1, 1]
 * @param label      class index into {@link ImageDataset#classNames()}, or {@link #NO_LABEL}
 * @param attributes slice columns, e.g. {@code skin_tone=dark}, {@code age=old}; empty when none
 */
public record Sample(Image image, int label, Map<String, String> attributes) {
    public static final int NO_LABEL = -1;

    public Sample {
        attributes = Map.copyOf(attributes);
    }

    public boolean hasLabel() {
        return label != NO_LABEL;
    }
}
