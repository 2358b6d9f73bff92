package org.atelier.models.features;

import org.atelier.core.image.Image;

/**
 * RGB to grey with the ITU-R BT.601 luma weights (0.299, 0.587, 0.114), the rule PIL's
 * {@code convert("L")} uses. The weights sum to 1, so [-1, 1] maps to [-1, 1].
 */
public final class Luma {
    private Luma() {
    }

    /** Grey images are returned as they are. */
    public static Image toGrey(Image image) {
        if (image.channels() == 1) {
            return image;
        }
        int plane = image.height() * image.width();
        float[] p = image.pixels();
        float[] g = new float[plane];
        for (int i = 0; i < plane; i++) {
            g[i] = 0.299f * p[i] + 0.587f * p[plane + i] + 0.114f * p[2 * plane + i];
        }
        return new Image(1, image.height(), image.width(), g);
    }
}
