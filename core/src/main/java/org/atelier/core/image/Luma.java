package org.atelier.core.image;

/**
 * RGB to grey with the ITU-R BT.601 luma weights (0.299, 0.587, 0.114), the rule PIL's
 * {@code convert("L")} and JPEG use. The project's one RGB-to-grey rule: every path that turns
 * a colour image grey (a grey model fed a photo, a manifest read as grey, a mask drawn in
 * colour, colour-preserving style transfer) uses it, so the same image turns grey the same way
 * whichever command reads it. The weights sum to 1, so [-1, 1] maps to [-1, 1] and [0, 255] to
 * [0, 255].
 */
public final class Luma {
    public static final double RED = 0.299;
    public static final double GREEN = 0.587;
    public static final double BLUE = 0.114;

    private Luma() {
    }

    /** Y of one pixel (any range; the weights sum to 1). */
    public static float of(float r, float g, float b) {
        return (float) RED * r + (float) GREEN * g + (float) BLUE * b;
    }

    /** Y of one pixel in double precision (8-bit samples: a threshold at 127.5 must not move by rounding). */
    public static double of(double r, double g, double b) {
        return RED * r + GREEN * g + BLUE * b;
    }

    /** Y per pixel (H·W values) of an image; a grey image's own plane (copied). */
    public static float[] plane(Image image) {
        int n = image.height() * image.width();
        float[] p = image.pixels();
        if (image.channels() == 1) {
            return p.clone();
        }
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = of(p[i], p[n + i], p[2 * n + i]);
        }
        return y;
    }

    /** The luma as a one-channel image; grey images are returned as they are. */
    public static Image toGrey(Image image) {
        if (image.channels() == 1) {
            return image;
        }
        return new Image(1, image.height(), image.width(), plane(image));
    }
}
