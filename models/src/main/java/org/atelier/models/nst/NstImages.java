package org.atelier.models.nst;

import java.util.List;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageResize;
import org.atelier.models.common.NdImages;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Image sizing and conversions for style transfer. */
public final class NstImages {
    /** Smallest side the feature nets accept: four 2 × 2 pools still leave one pixel. */
    public static final int MIN_SIDE = 16;

    private NstImages() {
    }

    /**
     * {@code image} resized (area averaging, aspect ratio kept) so its longer side is {@code longSide}
     * pixels; grey images become RGB. Enlarging works but looks blocky (see {@link ImageResize}).
     *
     * @throws IllegalArgumentException when the shorter side would fall below {@link #MIN_SIDE}
     */
    public static Image fit(Image image, int longSide) {
        Image rgb = image.toRgb();
        int h = rgb.height();
        int w = rgb.width();
        double s = longSide / (double) Math.max(h, w);
        int nh = Math.max(1, (int) Math.round(h * s));
        int nw = Math.max(1, (int) Math.round(w * s));
        if (Math.min(nh, nw) < MIN_SIDE) {
            throw new IllegalArgumentException("size " + longSide + " makes a " + image.width() + "x" + image.height()
                    + " image " + nw + "x" + nh + "; both sides must be at least " + MIN_SIDE + " pixels");
        }
        return ImageResize.areaResize(rgb, nh, nw);
    }

    /** The centred {@code h × w} window of {@code image} (h, w no larger than its sides); the image itself when it fits. */
    public static Image centreCrop(Image image, int h, int w) {
        if (h == image.height() && w == image.width()) {
            return image;
        }
        if (h > image.height() || w > image.width()) {
            throw new IllegalArgumentException("cannot crop " + image + " to " + w + "x" + h);
        }
        int y0 = (image.height() - h) / 2;
        int x0 = (image.width() - w) / 2;
        int c = image.channels();
        float[] p = new float[c * h * w];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(image.pixels(), (ch * image.height() + y0 + y) * image.width() + x0, p, (ch * h + y) * w, w);
            }
        }
        return new Image(c, h, w, p);
    }

    /** (1, C, H, W) float. */
    public static INDArray toBatch(Image image) {
        return NdImages.stack(List.of(image));
    }

    /** The first sample of (N, C, H, W), clamped to [-1, 1]. */
    public static Image first(INDArray batch) {
        Image im = NdImages.unstack(batch.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1))).get(0);
        float[] p = im.pixels();
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.max(-1f, Math.min(1f, p[i]));
        }
        return im;
    }
}
