package org.atelier.evaluation.style;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.atelier.core.image.Image;
import org.atelier.evaluation.fidelity.PerceptualDistance;
import org.atelier.evaluation.fidelity.Ssim;
import org.atelier.evaluation.fidelity.SsimWindow;
import org.atelier.models.features.FeatureMap;
import org.atelier.models.nst.FeatureNet;
import org.atelier.models.nst.NstImages;
import org.atelier.models.nst.StyleTargets;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scores stylised images under one fixed feature net, the judge. The judge must be a net the
 * methods did not optimise against: a result scored under its own loss network would be rewarded
 * for matching that network's particular statistics (the optimiser drives exactly those to the
 * target) rather than the style. Callers check this with {@link #id()} against each method's net.
 */
public final class StyleJudge {
    /** The five scales of the VGG-shaped nets, shallow to deep: fine texture to layout. */
    public static final List<String> LAYERS = List.of("relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu5_1");

    private final FeatureNet net;

    public StyleJudge(FeatureNet net) {
        LAYERS.forEach(net::checkLayer);
        this.net = net;
    }

    /** The judge net's id, e.g. {@code random-ms-v1:seed=1}. */
    public String id() {
        return net.id();
    }

    public String sha256() {
        return net.sha256();
    }

    /** The judge's activations of {@code image} (3, H, W) in [-1, 1] at {@link #LAYERS}. */
    public List<FeatureMap> features(Image image) {
        Map<String, INDArray> f = StyleTargets.features(net, image, new LinkedHashSet<>(LAYERS));
        List<FeatureMap> out = new ArrayList<>();
        for (String layer : LAYERS) {
            INDArray a = f.get(layer);
            long[] s = a.shape(); // (1, C, H, W)
            float[] v = a.castTo(DataType.FLOAT).dup('c').data().asFloat(); // a fresh c-order copy: its buffer is exactly the values
            out.add(new FeatureMap(layer, (int) s[1], (int) s[2], (int) s[3], v));
        }
        return out;
    }

    /**
     * @param result        the stylised image
     * @param content       the content as the method received it (centre-cropped to the result's size when larger)
     * @param styleFeatures {@link #features} of the style image at the size the methods were given it
     */
    public StyleScores score(Image result, Image content, List<FeatureMap> styleFeatures) {
        Image c = NstImages.centreCrop(content, result.height(), result.width());
        List<FeatureMap> r = features(result);
        return new StyleScores(GramDistance.distance(r, styleFeatures),
                PerceptualDistance.distance(r, features(c), null, result.height(), result.width()),
                Ssim.whole(result, c, SsimWindow.STANDARD));
    }
}
