package org.atelier.models.nst;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import org.atelier.models.ModelConfig;

/**
 * The {@code model:} section of a fast (feed-forward) style-transfer run.
 *
 * @param family        {@code fast-nst}
 * @param styles        style image files (relative paths resolve against the project root), at least one
 * @param styleWeights  blend shares of {@code styles} (&gt; 0, normalised); default equal
 * @param styleSize     the style images are resized so their longer side has this many pixels before their
 *                      Gram matrices are taken (default 256): it sets the scale of the strokes
 * @param features      feature net: {@code random} (default), {@code random:SEED}, or a VGG-16/19 {@code .npz}
 *                      file ({@link FeatureNets})
 * @param contentLayer  content layer (default {@code relu2_1}, as Johnson et al. use relu2_2)
 * @param styleLayers   style layers and relative weights (default relu1_1 … relu4_1, equal)
 * @param contentWeight α (default 1)
 * @param styleWeight   β (default 1e2)
 * @param tvWeight      γ (default 1)
 * @param width         channels of the transform net's first layer; the next two have 2× and 4× (default 16)
 * @param resBlocks     residual blocks at ¼ resolution (default 3; Johnson et al. use 5 with width 32)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FastNstConfig(NstFamily family, List<String> styles, List<Double> styleWeights, Integer styleSize,
                            String features, String contentLayer, Map<String, Double> styleLayers,
                            Double contentWeight, Double styleWeight, Double tvWeight, Integer width,
                            Integer resBlocks) implements ModelConfig {
    public static final double DEFAULT_STYLE_WEIGHT = 1e2;
    public static final double DEFAULT_TV_WEIGHT = 1.0;

    public FastNstConfig {
        if (family == null) {
            family = NstFamily.FAST_NST;
        }
        if (styles == null || styles.isEmpty()) {
            throw new IllegalArgumentException("styles: at least one style image file is required");
        }
        styles = List.copyOf(styles);
        if (styleWeights == null || styleWeights.isEmpty()) {
            styleWeights = styles.stream().map(s -> 1.0).toList();
        }
        if (styleWeights.size() != styles.size()) {
            throw new IllegalArgumentException("style_weights has " + styleWeights.size() + " values for "
                    + styles.size() + " styles");
        }
        for (Double w : styleWeights) {
            if (w == null || !(w > 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("style_weights must be finite numbers > 0, got " + styleWeights);
            }
        }
        styleWeights = List.copyOf(styleWeights);
        styleSize = styleSize == null ? 256 : styleSize;
        if (styleSize < NstImages.MIN_SIDE) {
            throw new IllegalArgumentException("style_size must be >= " + NstImages.MIN_SIDE + ", got " + styleSize);
        }
        features = features == null || features.isBlank() ? "random" : features;
        contentLayer = contentLayer == null ? "relu2_1" : contentLayer;
        styleLayers = styleLayers == null || styleLayers.isEmpty()
                ? NstLossSpec.layers("relu1_1", "relu2_1", "relu3_1", "relu4_1") : Map.copyOf(styleLayers);
        contentWeight = contentWeight == null ? 1.0 : contentWeight;
        styleWeight = styleWeight == null ? DEFAULT_STYLE_WEIGHT : styleWeight;
        tvWeight = tvWeight == null ? DEFAULT_TV_WEIGHT : tvWeight;
        width = width == null ? 16 : width;
        resBlocks = resBlocks == null ? 3 : resBlocks;
        if (width < 4 || width > 128) {
            throw new IllegalArgumentException("width must be in 4..128, got " + width);
        }
        if (resBlocks < 0 || resBlocks > 10) {
            throw new IllegalArgumentException("res_blocks must be in 0..10, got " + resBlocks);
        }
        // validates the weights (and names the bad one); fields are not assigned yet, so use the parameters
        new NstLossSpec(contentLayer, styleLayers, contentWeight, styleWeight, tvWeight);
    }

    @Override
    public String familyId() {
        return family.id();
    }

    /** The objective these settings describe. */
    public NstLossSpec lossSpec() {
        return new NstLossSpec(contentLayer, new java.util.TreeMap<>(styleLayers), contentWeight, styleWeight, tvWeight);
    }
}
