package org.atelier.models.nst;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A fixed convolutional network whose activations serve as the content and style
 * representations of neural style transfer (Gatys et al. 2016, section 2). Its weights never
 * train: they enter a graph as constants, so gradients flow through them to the image (or to
 * a transform network) only.
 *
 * <p>Every net names itself ({@link #id()}) and the SHA-256 of its weights, so a result can
 * say which features produced it, and its layers carry VGG-style names ({@code relu1_1},
 * {@code relu4_2}, …) so the same content/style layer choices read the same for every net.
 */
public interface FeatureNet {
    /** Stable id, e.g. {@code random-ms-v1:seed=0} or {@code vgg19:/path/vgg19.npz}. */
    String id();

    /** SHA-256 (hex) of the weights in layer order, as little-endian float32. */
    String sha256();

    /** Feature layers in the order the network computes them. */
    List<String> layers();

    /**
     * Adds the network to {@code sd} on {@code image} and returns the activations of the
     * {@code wanted} layers; layers after the last wanted one are not built. Constants are named
     * after the layers and reused when the net is applied twice in one graph.
     *
     * @param image (N, 3, H, W) in [-1, 1]; any size of at least 16 × 16 pixels
     * @throws IllegalArgumentException naming a wanted layer the net does not have
     */
    Map<String, SDVariable> apply(SameDiff sd, SDVariable image, Set<String> wanted);

    /**
     * Shape (C, H', W') of layer {@code layer}'s activations for an input of {@code height × width}
     * pixels (SameDiff does not infer op output shapes before running, and the losses need them).
     */
    long[] shape(String layer, long height, long width);

    /** Throws {@link IllegalArgumentException} listing the net's layers when {@code layer} is not among them. */
    default void checkLayer(String layer) {
        if (!layers().contains(layer)) {
            throw new IllegalArgumentException("feature net " + id() + " has no layer '" + layer + "'; it has " + layers());
        }
    }
}
