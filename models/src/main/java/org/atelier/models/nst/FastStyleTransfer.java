package org.atelier.models.nst;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.models.Batch;
import org.atelier.models.StepContext;
import org.atelier.models.Stylizer;
import org.atelier.models.Trainable;
import org.atelier.models.common.Init;
import org.atelier.models.common.NdImages;
import org.atelier.models.common.Net;
import org.atelier.models.common.ParameterStore;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Fast (feed-forward) style transfer (Johnson, Alahi and Fei-Fei 2016, "Perceptual Losses for
 * Real-Time Style Transfer and Super-Resolution"): a {@link TransformNet} trained by the one
 * loop to minimise the perceptual loss of Gatys et al. on crops of content images for one
 * (blended) style; stylising is then one forward pass.
 *
 * <p>One step on a batch x of crops: y = T(x); L = α·mean((φ_c(y) − φ_c(x))²) +
 * β·Σ_l w_l·mean((G_l(y) − A_l)²) + γ·TV(y) ({@link NstLosses}), φ the fixed feature net and
 * A_l the style's Gram matrices; the gradient with respect to T's weights (group
 * {@value TransformNet#GROUP}) goes to the loop. The feature net and style targets are
 * prepared at the first step only, so a trained run can stylise without the style files.
 */
public final class FastStyleTransfer implements Trainable, Stylizer {
    private final FastNstConfig cfg;
    private final ParameterStore store = new ParameterStore();
    private final Init init;
    private final Net eval;
    private final String evalOut;
    private Objective objective;

    /** @param seed weight initialisation seed */
    public FastStyleTransfer(FastNstConfig cfg, long seed) {
        this.cfg = cfg;
        this.init = new Init(seed);
        this.eval = new Net(store, init, false);
        SDVariable in = eval.placeholder("content", -1, 3, -1, -1);
        evalOut = TransformNet.build(eval, in, cfg.width(), cfg.resBlocks()).name();
    }

    public FastNstConfig config() {
        return cfg;
    }

    @Override
    public ParameterStore parameters() {
        return store;
    }

    @Override
    public List<String> emaParameters() {
        return store.names(TransformNet.GROUP);
    }

    @Override
    public Map<String, Double> step(Batch batch, StepContext ctx) {
        long[] s = batch.images().shape();
        if (objective == null || !java.util.Arrays.equals(objective.shape, s)) {
            objective = new Objective(s);
        }
        OutAndGrad og = objective.net.sd().calculateGradientsAndOutputs(Map.of("x", batch.images()),
                objective.losses.names(), store.names(TransformNet.GROUP));
        ctx.update(TransformNet.GROUP, new LinkedHashMap<>(og.getGradients()));
        return objective.losses.values(og.getOutputs());
    }

    /** The training graph for inputs of one shape, with its fixed feature net and style targets. */
    private final class Objective {
        final long[] shape;
        final Net net;
        final NstObjective losses;

        Objective(long[] shape) {
            this.shape = shape.clone();
            if (shape[1] != 3) {
                throw new IllegalArgumentException("fast style transfer trains on RGB crops, got " + shape[1] + " channels");
            }
            FeatureNet fnet = FeatureNets.open(cfg.features());
            NstLossSpec spec = cfg.lossSpec();
            spec.checkAgainst(fnet);
            List<WeightedStyle> styles = new ArrayList<>();
            for (int i = 0; i < cfg.styles().size(); i++) {
                Image im = ImageFiles.read(FeatureNets.resolve(cfg.styles().get(i)));
                styles.add(new WeightedStyle(NstImages.fit(im, cfg.styleSize()), cfg.styleWeights().get(i)));
            }
            Map<String, INDArray> grams = StyleTargets.blendedGrams(fnet, styles, spec.styleLayers().keySet());
            net = new Net(store, init, true);
            SameDiff sd = net.sd();
            long h = shape[2];
            long w = shape[3];
            SDVariable x = net.placeholder("x", shape);
            SDVariable y = TransformNet.build(net, x, cfg.width(), cfg.resBlocks());
            Map<String, SDVariable> fy = fnet.apply(sd, y, spec.layersUsed());
            // φ_c(x): the same constants applied to the input; x is a placeholder, so no gradient flows there
            SDVariable fx = fnet.apply(sd, x, java.util.Set.of(spec.contentLayer())).get(spec.contentLayer());
            losses = NstObjective.build(sd, fnet, spec, fy, fx, grams, y, h, w);
        }
    }

    /** Each fixed crop beside its stylised version, two pairs per row. */
    @Override
    public List<Image> preview(Batch fixed, long seed) {
        List<Image> out = new ArrayList<>();
        for (Image in : NdImages.unstack(fixed.images())) {
            out.add(in);
            out.add(stylize(in, List.of()));
        }
        return out;
    }

    @Override
    public int previewColumns(int n) {
        return Math.min(n, 4);
    }

    @Override
    public boolean fixedStyle() {
        return true;
    }

    /**
     * One forward pass. The content is centre-cropped by up to 3 pixels per side so both sides
     * are multiples of 4; the output has that cropped size.
     */
    @Override
    public Image stylize(Image content, List<WeightedStyle> styles) {
        Image rgb = content.toRgb();
        int h = rgb.height() / 4 * 4;
        int w = rgb.width() / 4 * 4;
        if (h < 16 || w < 16) {
            throw new IllegalArgumentException("content must be at least 16x16 pixels, got " + content);
        }
        Image cropped = NstImages.centreCrop(rgb, h, w);
        INDArray y = eval.sd().output(Map.of("content", NstImages.toBatch(cropped)), evalOut).get(evalOut);
        return NstImages.first(y);
    }
}
