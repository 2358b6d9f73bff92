package org.atelier.models.features;

import java.util.List;
import org.atelier.core.image.Image;

/**
 * A network whose intermediate activations serve a perceptual distance (LPIPS' recipe). Its
 * convolutional trunk accepts images of any size.
 */
public interface PerceptualNetwork {
    /** Id of the network, named by every perceptual score computed with it. */
    String id();

    /**
     * Activations of the trunk's layers, shallow to deep, for one image of any size with the
     * network's channel count and range (callers convert with {@link FeatureExtractor#prepare}
     * rules, e.g. RGB to luma for a grey network).
     */
    List<FeatureMap> layers(Image image);
}
