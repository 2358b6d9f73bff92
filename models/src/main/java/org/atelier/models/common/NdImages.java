package org.atelier.models.common;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.atelier.core.image.Image;
import org.atelier.datasets.masks.Mask;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Conversions between {@link Image}/{@link Mask} and NCHW float arrays, and seeded noise. */
public final class NdImages {
    private NdImages() {
    }

    /** Stacks images of one size into (N, C, H, W). */
    public static INDArray stack(List<Image> images) {
        Image first = images.get(0);
        int per = first.pixels().length;
        float[] data = new float[images.size() * per];
        for (int i = 0; i < images.size(); i++) {
            Image im = images.get(i);
            if (im.pixels().length != per || im.channels() != first.channels()) {
                throw new IllegalArgumentException("images must share one size: " + first + " vs " + im);
            }
            System.arraycopy(im.pixels(), 0, data, i * per, per);
        }
        return Nd4j.create(data, new long[] {images.size(), first.channels(), first.height(), first.width()}, 'c');
    }

    /** Splits (N, C, H, W) into images, values as they are (callers clamp if they must). */
    public static List<Image> unstack(INDArray batch) {
        INDArray a = batch.castTo(DataType.FLOAT).dup('c');
        int n = (int) a.size(0);
        int c = (int) a.size(1);
        int h = (int) a.size(2);
        int w = (int) a.size(3);
        float[] all = a.data().asFloat();
        List<Image> out = new ArrayList<>(n);
        int per = c * h * w;
        for (int i = 0; i < n; i++) {
            float[] p = new float[per];
            System.arraycopy(all, i * per, p, 0, per);
            out.add(new Image(c, h, w, p));
        }
        return out;
    }

    /** Masks as (N, 1, H, W), 1 = hole. */
    public static INDArray masks(List<Mask> masks) {
        Mask first = masks.get(0);
        int per = first.height() * first.width();
        float[] data = new float[masks.size() * per];
        for (int i = 0; i < masks.size(); i++) {
            System.arraycopy(masks.get(i).toFloats(), 0, data, i * per, per);
        }
        return Nd4j.create(data, new long[] {masks.size(), 1, first.height(), first.width()}, 'c');
    }

    /** (rows, cols) standard normal draws from {@code rng}. */
    public static INDArray gaussian(RandomGenerator rng, int rows, int cols) {
        float[] z = new float[rows * cols];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) rng.nextGaussian();
        }
        return Nd4j.create(z, new long[] {rows, cols}, 'c');
    }

    /** One-hot (N, k) rows for labels in [0, k). */
    public static INDArray oneHot(int[] labels, int k) {
        float[] d = new float[labels.length * k];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("label " + labels[i] + " outside [0, " + k + ")");
            }
            d[i * k + labels[i]] = 1f;
        }
        return Nd4j.create(d, new long[] {labels.length, k}, 'c');
    }
}
