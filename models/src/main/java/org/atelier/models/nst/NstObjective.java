package org.atelier.models.nst;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The style-transfer objective L = α·L_content + β·L_style + γ·L_tv (Gatys et al. 2016, eq. 7,
 * plus a total-variation term as in Johnson et al. 2016), built in a graph that already holds
 * the generated image's features, and the graph names of its four losses. Both
 * {@link GatysTransfer} (pixels optimised) and {@link FastStyleTransfer} (a network trained)
 * minimise it; the losses themselves are {@link NstLosses}.
 *
 * @param total   L, the graph's loss variable
 * @param content L_content
 * @param style   L_style = Σ w_l·E_l over the style layers
 * @param tv      L_tv
 */
record NstObjective(String total, String content, String style, String tv) {
    /**
     * Adds the losses to {@code sd} and makes L its loss variable. The style Grams become
     * constants named {@code a_<layer>}.
     *
     * @param features      the generated image's features at {@code spec.layersUsed()}
     * @param contentTarget P, the content image's features at the content layer
     * @param styleGrams    A per style layer, of the blended styles
     * @param image         the generated image (N, 3, h, w)
     */
    static NstObjective build(SameDiff sd, FeatureNet net, NstLossSpec spec, Map<String, SDVariable> features,
                              SDVariable contentTarget, Map<String, INDArray> styleGrams, SDVariable image,
                              long h, long w) {
        SDVariable lc = NstLosses.content(sd, features.get(spec.contentLayer()), contentTarget);
        SDVariable ls = null;
        for (Map.Entry<String, Double> e : spec.styleLayers().entrySet()) {
            SDVariable g = NstLosses.gram(sd, features.get(e.getKey()), net.shape(e.getKey(), h, w));
            SDVariable el = NstLosses.styleLayer(sd, g, sd.constant("a_" + e.getKey(), styleGrams.get(e.getKey())))
                    .mul(e.getValue());
            ls = ls == null ? el : ls.add(el);
        }
        SDVariable ltv = NstLosses.totalVariation(sd, image, h, w);
        SDVariable l = lc.mul(spec.contentWeight()).add(ls.mul(spec.styleWeight())).add(ltv.mul(spec.tvWeight()));
        sd.setLossVariables(l);
        return new NstObjective(l.name(), lc.name(), ls.name(), ltv.name());
    }

    /** The four loss variables, in the order total, content, style, tv. */
    List<String> names() {
        return List.of(total, content, style, tv);
    }

    /** The losses' scalar values in {@code outputs} as {@code loss, content, style, tv}, in that order. */
    Map<String, Double> values(Map<String, INDArray> outputs) {
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("loss", outputs.get(total).getDouble(0));
        losses.put("content", outputs.get(content).getDouble(0));
        losses.put("style", outputs.get(style).getDouble(0));
        losses.put("tv", outputs.get(tv).getDouble(0));
        return losses;
    }
}
