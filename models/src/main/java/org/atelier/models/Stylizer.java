package org.atelier.models;

import java.util.List;
import org.atelier.core.image.Image;

/**
 * Capability: renders the content of one image in the style of others. An optimiser
 * (Gatys et al.) reads the style images on every call; a feed-forward network (Johnson et
 * al.) was trained for one style and applies it whatever style is asked for, so it reports
 * {@link #fixedStyle()} and ignores {@code styles}.
 */
public interface Stylizer {
    /** True when the style is built in (a feed-forward model): {@code styles} may then be empty and is ignored. */
    boolean fixedStyle();

    /**
     * @param content (3, H, W) in [-1, 1]
     * @param styles  style images (3, h, w) in [-1, 1] with their blend weights; ignored when {@link #fixedStyle()}
     * @return the stylised image, (3, H', W') in [-1, 1]; its size is the stylizer's output size for this content
     */
    Image stylize(Image content, List<WeightedStyle> styles);

    /**
     * One style image and its share of the blend; the shares of a call are normalised to sum to 1.
     *
     * @param image  (3, h, w) in [-1, 1]
     * @param weight share of the blend, &gt; 0
     */
    record WeightedStyle(Image image, double weight) {
        public WeightedStyle {
            if (!(weight > 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("style weight must be a finite number > 0, got " + weight);
            }
        }
    }
}
