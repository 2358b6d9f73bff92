package org.atelier.models.nst;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a style-transfer objective weighs: L = contentWeight·L_content(contentLayer) +
 * styleWeight·Σ_l w_l·L_style(l) + tvWeight·L_tv, with the layer weights w_l normalised to
 * sum to 1 (see {@link NstLosses} for each term).
 *
 * @param contentLayer  feature layer compared with the content image, e.g. {@code relu3_1}
 * @param styleLayers   feature layers whose Gram matrices are matched, with their relative weights (&gt; 0)
 * @param contentWeight α ≥ 0
 * @param styleWeight   β ≥ 0
 * @param tvWeight      γ ≥ 0
 */
public record NstLossSpec(String contentLayer, Map<String, Double> styleLayers, double contentWeight,
                          double styleWeight, double tvWeight) {
    /** relu1_1 … relu5_1, equal weights: the layers Gatys et al. (2016) match. */
    public static final Map<String, Double> ALL_STYLE_LAYERS = layers("relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu5_1");

    /** The project's defaults ({@link NstDefaults}) over every style layer. */
    public static NstLossSpec defaults() {
        return new NstLossSpec(NstDefaults.CONTENT_LAYER, ALL_STYLE_LAYERS, 1.0, Double.parseDouble(NstDefaults.STYLE_WEIGHT),
                Double.parseDouble(NstDefaults.TV_WEIGHT));
    }

    public NstLossSpec {
        if (contentLayer == null || contentLayer.isBlank()) {
            throw new IllegalArgumentException("a content layer is required");
        }
        if (styleLayers == null || styleLayers.isEmpty()) {
            throw new IllegalArgumentException("at least one style layer is required");
        }
        double sum = 0;
        for (Map.Entry<String, Double> e : styleLayers.entrySet()) {
            if (e.getValue() == null || !(e.getValue() > 0) || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("style layer " + e.getKey() + " needs a weight > 0, got " + e.getValue());
            }
            sum += e.getValue();
        }
        Map<String, Double> norm = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : styleLayers.entrySet()) {
            norm.put(e.getKey(), e.getValue() / sum);
        }
        styleLayers = java.util.Collections.unmodifiableMap(norm);
        check("content weight", contentWeight);
        check("style weight", styleWeight);
        check("tv weight", tvWeight);
    }

    private static void check(String what, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number >= 0, got " + v);
        }
    }

    /** Equal weights for the named layers. */
    public static Map<String, Double> layers(String... names) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String n : names) {
            m.put(n, 1.0);
        }
        return m;
    }

    public NstLossSpec withStyleWeight(double w) {
        return new NstLossSpec(contentLayer, styleLayers, contentWeight, w, tvWeight);
    }

    /** Every layer the objective reads. */
    public java.util.Set<String> layersUsed() {
        java.util.Set<String> s = new java.util.LinkedHashSet<>(styleLayers.keySet());
        s.add(contentLayer);
        return s;
    }

    /** Throws {@link IllegalArgumentException} when {@code net} lacks a layer this objective reads. */
    public void checkAgainst(FeatureNet net) {
        layersUsed().forEach(net::checkLayer);
    }
}
