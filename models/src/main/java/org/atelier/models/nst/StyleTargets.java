package org.atelier.models.nst;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atelier.core.image.Image;
import org.atelier.models.Stylizer.WeightedStyle;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The fixed targets of style transfer: content features and (blended) style Gram matrices. */
public final class StyleTargets {
    private StyleTargets() {
    }

    /** Activations (1, C, H, W) of {@code image} at {@code layers}. */
    public static Map<String, INDArray> features(FeatureNet net, Image image, Set<String> layers) {
        return run(net, image, layers, false);
    }

    /** Gram matrices (1, C, C) of {@code image} at {@code layers} ({@link NstLosses#gram}). */
    public static Map<String, INDArray> grams(FeatureNet net, Image image, Set<String> layers) {
        return run(net, image, layers, true);
    }

    /**
     * A = Σ_k s_k·A_k per layer, the style shares s_k normalised to sum to 1: blending styles by
     * mixing their Gram matrices, as Gatys et al. (2016, section 3) and Johnson et al. interpolate styles.
     */
    public static Map<String, INDArray> blendedGrams(FeatureNet net, List<WeightedStyle> styles, Set<String> layers) {
        if (styles.isEmpty()) {
            throw new IllegalArgumentException("at least one style image is required");
        }
        double total = styles.stream().mapToDouble(WeightedStyle::weight).sum();
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (WeightedStyle s : styles) {
            Map<String, INDArray> g = grams(net, s.image(), layers);
            double share = s.weight() / total;
            g.forEach((layer, a) -> out.merge(layer, a.mul(share), INDArray::addi));
        }
        return out;
    }

    private static Map<String, INDArray> run(FeatureNet net, Image image, Set<String> layers, boolean gram) {
        if (image.channels() != 3) {
            throw new IllegalArgumentException("style transfer needs RGB images, got " + image);
        }
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.constant("x", NstImages.toBatch(image));
        Map<String, SDVariable> f = net.apply(sd, x, layers);
        Map<String, String> names = new LinkedHashMap<>();
        for (String l : layers) {
            SDVariable v = gram ? NstLosses.gram(sd, f.get(l), net.shape(l, image.height(), image.width())) : f.get(l);
            names.put(l, v.name());
        }
        Map<String, INDArray> values = sd.output(Map.of(), new ArrayList<>(names.values()));
        Map<String, INDArray> out = new LinkedHashMap<>();
        names.forEach((l, n) -> out.put(l, values.get(n).detach()));
        return out;
    }
}
