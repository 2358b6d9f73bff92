package org.atelier.models.nst;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The losses of neural style transfer as SameDiff ops (Gatys et al. 2016, "Image Style
 * Transfer Using Convolutional Neural Networks", eqs. 1–5; Johnson et al. 2016, section 3).
 * Conventions — every loss is a mean, so its size does not grow with the image:
 * <ul>
 * <li>Gram matrix of features F (N, C, H, W): G = F·Fᵀ / (H·W), F flattened to (N, C, H·W) —
 *     normalised by the size M = H·W of each feature map (Gatys's M_l), so images of any size
 *     give comparable Grams.</li>
 * <li>Content loss: mean over (N, C, H, W) of (F − P)², P the content image's features.</li>
 * <li>Style loss of one layer: mean over (N, C, C) of (G − A)², A the style's Gram matrix — four
 *     times Gatys's E_l = Σ(G − A)² / (4·C²) in this normalisation; the style loss is the
 *     layer-weighted sum Σ w_l·E_l with weights summing to 1.</li>
 * <li>Total variation: mean over the image of squared differences of vertical neighbours plus
 *     the same of horizontal neighbours (the β = 2 total variation of Mahendran and Vedaldi 2015).</li>
 * </ul>
 * SameDiff does not infer shapes while a graph is built, so callers pass them in.
 */
public final class NstLosses {
    private NstLosses() {
    }

    /**
     * G = F·Fᵀ / (H·W).
     *
     * @param features (N, C, H, W)
     * @param shape    (C, H, W) of the features ({@link FeatureNet#shape})
     * @return (N, C, C)
     */
    public static SDVariable gram(SameDiff sd, SDVariable features, long[] shape) {
        long c = shape[0];
        long hw = shape[1] * shape[2];
        SDVariable flat = sd.reshape(features, -1, c, hw);
        return sd.mmul(flat, flat, false, true, false).div(hw);
    }

    /** mean((F − P)²); P broadcasts over the batch when it has one sample. */
    public static SDVariable content(SameDiff sd, SDVariable features, SDVariable target) {
        return sd.math().square(features.sub(target)).mean();
    }

    /** mean((G − A)²) of one layer; A is (1, C, C) or (N, C, C). */
    public static SDVariable styleLayer(SameDiff sd, SDVariable gram, SDVariable targetGram) {
        return sd.math().square(gram.sub(targetGram)).mean();
    }

    /**
     * mean((x[i+1, j] − x[i, j])²) + mean((x[i, j+1] − x[i, j])²) over every sample and channel.
     *
     * @param image (N, C, H, W) with H, W ≥ 2
     */
    public static SDVariable totalVariation(SameDiff sd, SDVariable image, long h, long w) {
        SDVariable down = image.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(1L, h), SDIndex.all())
                .sub(image.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0L, h - 1), SDIndex.all()));
        SDVariable right = image.get(SDIndex.all(), SDIndex.all(), SDIndex.all(), SDIndex.interval(1L, w))
                .sub(image.get(SDIndex.all(), SDIndex.all(), SDIndex.all(), SDIndex.interval(0L, w - 1)));
        return sd.math().square(down).mean().add(sd.math().square(right).mean());
    }
}
