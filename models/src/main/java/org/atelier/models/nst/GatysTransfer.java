package org.atelier.models.nst;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.core.image.Image;
import org.atelier.models.Batch;
import org.atelier.models.StepContext;
import org.atelier.models.Stylizer.WeightedStyle;
import org.atelier.models.Trainable;
import org.atelier.models.common.ParameterStore;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Style transfer by optimising the pixels of one image (Gatys, Ecker and Bethge 2016, "Image
 * Style Transfer Using Convolutional Neural Networks"), as a {@link Trainable} so that the one
 * training loop runs it: the only parameter is the image, group {@value #GROUP}, and the loop's
 * optimiser (Adam, as configured) updates it; progress bar, checkpoints and metrics come
 * from the loop.
 *
 * <table>
 * <caption>names here and in the paper</caption>
 * <tr><td>{@code image}</td><td>x, the generated image</td></tr>
 * <tr><td>content features</td><td>P^l, of the photograph p at the content layer</td></tr>
 * <tr><td>style Grams</td><td>A^l, of the artwork a (a blend of several here)</td></tr>
 * <tr><td>{@code contentWeight}, {@code styleWeight}</td><td>α, β</td></tr>
 * </table>
 *
 * <p>One step: compute L = α·L_content + β·L_style + γ·L_tv ({@link NstLosses}) and ∂L/∂x with
 * the feature net's weights as constants, hand ∂L/∂x to the loop, then clamp x to [-1, 1]
 * (a projection that keeps the image displayable). The batch the loop passes is not read: the
 * targets are fixed when the object is made.
 */
public final class GatysTransfer implements Trainable {
    public static final String GROUP = "pixels";
    public static final String IMAGE = "image";

    private final ParameterStore store = new ParameterStore();
    private final SameDiff sd = SameDiff.create();
    private final NstObjective objective;
    private final Image content;

    /**
     * @param content (3, H, W) in [-1, 1], already at the output size
     * @param styles  style images (any size ≥ 16 px) and blend shares
     * @param start   the starting image, of the content's size (the content itself, or noise)
     */
    public GatysTransfer(FeatureNet net, NstLossSpec spec, Image content, List<WeightedStyle> styles, Image start) {
        this(net, spec, content, styles, start, DataType.FLOAT);
    }

    /** As above with the image and graph in {@code dtype}: DOUBLE serves finite-difference gradient checks. */
    GatysTransfer(FeatureNet net, NstLossSpec spec, Image content, List<WeightedStyle> styles, Image start,
                  DataType dtype) {
        spec.checkAgainst(net);
        if (start.height() != content.height() || start.width() != content.width()) {
            throw new IllegalArgumentException("start image " + start + " must have the content's size " + content);
        }
        this.content = content;
        INDArray p = StyleTargets.features(net, content, java.util.Set.of(spec.contentLayer())).get(spec.contentLayer());
        Map<String, INDArray> a = new LinkedHashMap<>();
        StyleTargets.blendedGrams(net, styles, spec.styleLayers().keySet()).forEach((k, v) -> a.put(k, v.castTo(dtype)));
        INDArray x = store.param(GROUP, IMAGE, () -> NstImages.toBatch(start.toRgb()).castTo(dtype));
        SDVariable img = sd.var(IMAGE, x);
        Map<String, SDVariable> f = net.apply(sd, img, spec.layersUsed());
        SDVariable pContent = sd.constant("p_content", p.castTo(dtype));
        objective = NstObjective.build(sd, net, spec, f, pContent, a, img, content.height(), content.width());
    }

    @Override
    public ParameterStore parameters() {
        return store;
    }

    /** No moving average: the result is the image at the last step. */
    @Override
    public List<String> emaParameters() {
        return List.of();
    }

    @Override
    public Map<String, Double> step(Batch batch, StepContext ctx) {
        OutAndGrad og = sd.calculateGradientsAndOutputs(Map.of(), objective.names(), List.of(IMAGE));
        ctx.update(GROUP, new LinkedHashMap<>(og.getGradients()));
        INDArray x = store.parameters().get(IMAGE);
        Transforms.min(Transforms.max(x, -1.0, false), 1.0, false);
        return objective.values(og.getOutputs());
    }

    /** The losses at the current image, without a step: loss, content, style, tv. */
    public Map<String, Double> losses() {
        return objective.values(sd.output(Map.of(), objective.names()));
    }

    /** ∂L/∂x at the current image, (1, 3, H, W): for gradient checks. */
    public INDArray gradient() {
        return sd.calculateGradients(Map.of(), List.of(IMAGE)).get(IMAGE).dup();
    }

    /** The current image, clamped to [-1, 1]. */
    public Image image() {
        return NstImages.first(store.parameters().get(IMAGE));
    }

    /** The content image and the current image, side by side. */
    @Override
    public List<Image> preview(Batch fixed, long seed) {
        List<Image> out = new ArrayList<>();
        out.add(content);
        out.add(image());
        return out;
    }

    @Override
    public int previewColumns(int n) {
        return n;
    }
}
