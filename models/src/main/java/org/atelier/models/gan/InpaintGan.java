package org.atelier.models.gan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.atelier.core.image.Image;
import org.atelier.datasets.masks.Mask;
import org.atelier.datasets.masks.MaskGenerator;
import org.atelier.models.Batch;
import org.atelier.models.Inpainter;
import org.atelier.models.StepContext;
import org.atelier.models.Trainable;
import org.atelier.models.common.BatchNorm;
import org.atelier.models.common.Init;
import org.atelier.models.common.Losses;
import org.atelier.models.common.NdImages;
import org.atelier.models.common.Net;
import org.atelier.models.common.ParameterStore;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Context-encoder inpainting GAN (Pathak et al. 2016). G sees the image with its hole blanked
 * (x·(1 − m), holes at 0 — mid-grey in [-1, 1]) and the mask m (1 = hole); its output fills
 * the hole and the known pixels are pasted back: x̃ = G·m + x·(1 − m). Loss of G:
 * rec_weight · L1 on the hole (mean |G − x| over hole pixels and channels) + adv_weight ·
 * non-saturating BCE of D(x̃); D (the DCGAN discriminator of the same size) tells x from x̃.
 * The paper's weights are 0.999 / 0.001 (with L2; L1 is used here as in its later followers,
 * for sharper fills). Masks are drawn per sample from the configured {@link MaskGenerator}
 * with the step's random source.
 */
public final class InpaintGan implements Trainable, Inpainter {
    private final GanConfig cfg;
    private final int channels;
    private final int side;
    private final MaskGenerator masks;
    private final ParameterStore store = new ParameterStore();
    private final Net gTrain;
    private final Net dTrain;
    private final Net gEval;
    private final String composite;
    private final String gLoss;
    private final String rec;
    private final String adv;
    private final String dLoss;
    private final String evalOut;
    private final List<BatchNorm.Stats> gStats;

    public InpaintGan(GanConfig cfg, int channels, MaskGenerator masks, long seed) {
        if (cfg.family() != GanFamily.GAN_INPAINT) {
            throw new IllegalArgumentException("InpaintGan builds gan-inpaint, not " + cfg.family().id());
        }
        this.cfg = cfg;
        this.channels = channels;
        this.side = cfg.arch().side();
        this.masks = masks;
        Init init = new Init(seed);

        gTrain = new Net(store, init, true);
        SameDiff g = gTrain.sd();
        SDVariable x = gTrain.placeholder("x", -1, channels, side, side);
        SDVariable m = gTrain.placeholder("m", -1, 1, side, side);
        SDVariable out = InpaintNets.generator(gTrain, channels, side, input(g, x, m));
        SDVariable keep = m.rsub(1.0);
        SDVariable comp = out.mul(m).add(x.mul(keep));
        SDVariable dOnComp = GanNets.discriminator(gTrain, cfg.arch(), channels, comp, true, null, 0);
        SDVariable holeL1 = g.math().abs(out.sub(x)).mul(m).sum().div(m.sum().mul(channels).add(1e-6));
        SDVariable advLoss = Losses.bceWithLogits(g, dOnComp, true);
        SDVariable gl = holeL1.mul(cfg.recWeight()).add(advLoss.mul(cfg.advWeight()));
        g.setLossVariables(gl);
        composite = comp.name();
        gLoss = gl.name();
        rec = holeL1.name();
        adv = advLoss.name();
        gStats = gTrain.batchStats().stream().filter(s -> s.runningMean().startsWith("g_")).toList();

        dTrain = new Net(store, init, true);
        SameDiff d = dTrain.sd();
        SDVariable real = dTrain.placeholder("x_real", -1, channels, side, side);
        SDVariable fk = dTrain.placeholder("x_fake", -1, channels, side, side);
        SDVariable dl = Losses.bceWithLogits(d, GanNets.discriminator(dTrain, cfg.arch(), channels, real, true, null, 0), true)
                .add(Losses.bceWithLogits(d, GanNets.discriminator(dTrain, cfg.arch(), channels, fk, true, null, 0), false));
        d.setLossVariables(dl);
        dLoss = dl.name();

        gEval = new Net(store, init, false);
        SDVariable xe = gEval.placeholder("x", -1, channels, side, side);
        SDVariable me = gEval.placeholder("m", -1, 1, side, side);
        evalOut = InpaintNets.generator(gEval, channels, side, input(gEval.sd(), xe, me)).name();
    }

    /** concat(x·(1 − m), m) along channels. */
    private static SDVariable input(SameDiff sd, SDVariable x, SDVariable m) {
        return sd.concat(1, x.mul(m.rsub(1.0)), m);
    }

    @Override
    public ParameterStore parameters() {
        return store;
    }

    @Override
    public List<String> emaParameters() {
        return store.names(GanNets.G);
    }

    @Override
    public Map<String, Double> step(Batch batch, StepContext ctx) {
        int n = batch.size();
        INDArray m = drawMasks(n, ctx.random());
        Map<String, INDArray> ph = new LinkedHashMap<>();
        ph.put("x", batch.images());
        ph.put("m", m);
        INDArray comp = gTrain.sd().output(ph, composite).get(composite);
        Map<String, INDArray> dph = new LinkedHashMap<>();
        dph.put("x_real", batch.images());
        dph.put("x_fake", comp);
        OutAndGrad dog = dTrain.sd().calculateGradientsAndOutputs(dph, List.of(dLoss), store.names(GanNets.D));
        ctx.update(GanNets.D, new LinkedHashMap<>(dog.getGradients()));

        List<String> outs = new ArrayList<>(List.of(gLoss, rec, adv));
        outs.addAll(BatchNorm.outputNames(gStats));
        OutAndGrad gog = gTrain.sd().calculateGradientsAndOutputs(ph, outs, store.names(GanNets.G));
        ctx.update(GanNets.G, new LinkedHashMap<>(gog.getGradients()));
        BatchNorm.updateRunning(gStats, gog.getOutputs(), store, n);
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("d_loss", dog.getOutputs().get(dLoss).getDouble(0));
        losses.put("g_loss", gog.getOutputs().get(gLoss).getDouble(0));
        losses.put("l1_hole", gog.getOutputs().get(rec).getDouble(0));
        losses.put("g_adv", gog.getOutputs().get(adv).getDouble(0));
        return losses;
    }

    private INDArray drawMasks(int n, RandomGenerator rng) {
        List<Mask> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(masks.generate(side, side, rng));
        }
        return NdImages.masks(list);
    }

    /** Rows of (masked input, filled result, original) for the fixed preview images. */
    @Override
    public List<Image> preview(Batch fixed, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = Math.min(fixed.size(), 16);
        List<Image> originals = NdImages.unstack(fixed.images()).subList(0, n);
        List<Image> out = new ArrayList<>();
        List<Mask> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ms.add(masks.generate(side, side, rng));
        }
        List<Image> filled = inpaintAll(originals, ms);
        for (int i = 0; i < n; i++) {
            out.add(masked(originals.get(i), ms.get(i)));
            out.add(filled.get(i));
            out.add(originals.get(i));
        }
        return out;
    }

    @Override
    public int previewColumns(int n) {
        return 6;
    }

    /** The image with its hole shown white, as the model's input is shown to people. */
    static Image masked(Image im, Mask m) {
        float[] p = im.pixels().clone();
        int plane = im.height() * im.width();
        for (int c = 0; c < im.channels(); c++) {
            for (int i = 0; i < plane; i++) {
                if (m.hole()[i]) {
                    p[c * plane + i] = 1f;
                }
            }
        }
        return new Image(im.channels(), im.height(), im.width(), p);
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int height() {
        return side;
    }

    @Override
    public int width() {
        return side;
    }

    @Override
    public Image inpaint(Image image, Mask mask, RandomGenerator rng) {
        return inpaintAll(List.of(image), List.of(mask)).get(0);
    }

    /** Fills every image's hole; known pixels are copied from the input unchanged (bit for bit). */
    public List<Image> inpaintAll(List<Image> images, List<Mask> ms) {
        for (int i = 0; i < images.size(); i++) {
            Image im = images.get(i);
            Mask mk = ms.get(i);
            if (im.channels() != channels || im.height() != side || im.width() != side) {
                throw new IllegalArgumentException("this inpainter takes " + channels + "x" + side + "x" + side
                        + " images, got " + im);
            }
            if (mk.height() != side || mk.width() != side) {
                throw new IllegalArgumentException("mask is " + mk.width() + "x" + mk.height() + ", image is "
                        + side + "x" + side);
            }
        }
        Map<String, INDArray> ph = new LinkedHashMap<>();
        ph.put("x", NdImages.stack(images));
        ph.put("m", NdImages.masks(ms));
        List<Image> outs = NdImages.unstack(gEval.sd().output(ph, evalOut).get(evalOut));
        List<Image> result = new ArrayList<>(images.size());
        int plane = side * side;
        for (int i = 0; i < images.size(); i++) {
            float[] p = images.get(i).pixels().clone();
            float[] o = outs.get(i).pixels();
            boolean[] hole = ms.get(i).hole();
            for (int c = 0; c < channels; c++) {
                for (int j = 0; j < plane; j++) {
                    if (hole[j]) {
                        p[c * plane + j] = Math.max(-1f, Math.min(1f, o[c * plane + j]));
                    }
                }
            }
            result.add(new Image(channels, side, side, p));
        }
        return result;
    }

    public GanConfig config() {
        return cfg;
    }
}
