package org.atelier.models.gan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.atelier.core.image.Image;
import org.atelier.models.Batch;
import org.atelier.models.Engine;
import org.atelier.models.Sampler;
import org.atelier.models.StepContext;
import org.atelier.models.Trainable;
import org.atelier.models.common.BatchNorm;
import org.atelier.models.common.Init;
import org.atelier.models.common.Losses;
import org.atelier.models.common.Net;
import org.atelier.models.common.NdImages;
import org.atelier.models.common.ParameterStore;
import org.atelier.models.fast.BatchNormAct;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * GANs that draw images from noise: DCGAN, the class-conditional cGAN and the Wasserstein
 * GAN with a finite-difference gradient penalty ({@link GanFamily}).
 *
 * <p>One step (Goodfellow et al. 2014, Algorithm 1): {@code criticSteps} times, draw z,
 * make G(z) and update D on a fresh real batch; then draw z again and update G through D.
 * Three SameDiff graphs share the weights: G∘D for G's step (and for making fakes), D on
 * real and fake for D's step, and G in inference mode (running batch-norm statistics) for
 * sampling. Under engine {@code fast} a DCGAN with one D step per G step trains through
 * {@link FastDcgan} instead, over the same weights; the graphs still create them and sample.
 */
public final class ImageGan implements Trainable, Sampler {
    private final GanConfig cfg;
    private final int channels;
    private final List<String> classes;
    private final boolean conditional;
    private final boolean wasserstein;
    private final ParameterStore store = new ParameterStore();
    private final Net gTrain;
    private final Net dTrain;
    private final Net gEval;
    private final CriticPenalty penalty;
    private final String fake;
    private final String gLoss;
    private final String dLoss;
    private final String evalOut;
    private final String wDist;
    private final List<BatchNorm.Stats> gStats;
    /** The training step outside SameDiff's executor (dcgan, one D step per G step, engine fast), else null. */
    private final FastDcgan fast;

    /**
     * @param channels   of the data (1 or 3)
     * @param classNames the data's classes; required (non-empty) for {@link GanFamily#CGAN}
     * @param seed       weight initialisation seed
     */
    public ImageGan(GanConfig cfg, int channels, List<String> classNames, long seed) {
        if (cfg.family() == GanFamily.GAN_INPAINT) {
            throw new IllegalArgumentException("gan-inpaint is built by InpaintGan");
        }
        this.cfg = cfg;
        this.channels = channels;
        this.conditional = cfg.family() == GanFamily.CGAN;
        this.wasserstein = cfg.family() == GanFamily.WGAN_FDGP;
        if (conditional && classNames.isEmpty()) {
            throw new IllegalArgumentException("cgan needs a dataset with class labels");
        }
        this.classes = conditional ? List.copyOf(classNames) : List.of();
        Init init = new Init(seed);
        int k = classes.size();
        boolean dNorm = !wasserstein;

        gTrain = new Net(store, init, true);
        SameDiff g = gTrain.sd();
        SDVariable z = gTrain.placeholder("z", -1, cfg.zDim());
        SDVariable y = conditional ? gTrain.placeholder("y", -1, k) : null;
        SDVariable fakeVar = GanNets.generator(gTrain, cfg.arch(), channels, gInput(g, z, y), cfg.zDim() + k);
        SDVariable dOnFake = GanNets.discriminator(gTrain, cfg.arch(), channels, fakeVar, dNorm, y, k);
        SDVariable gl = wasserstein ? dOnFake.mean().neg() : Losses.bceWithLogits(g, dOnFake, true);
        g.setLossVariables(gl);
        fake = fakeVar.name();
        gLoss = gl.name();
        gStats = gTrain.batchStats().stream().filter(s -> s.runningMean().startsWith("g_")).toList();

        dTrain = new Net(store, init, true);
        SameDiff d = dTrain.sd();
        SDVariable real = dTrain.placeholder("x_real", -1, channels, cfg.arch().side(), cfg.arch().side());
        SDVariable fk = dTrain.placeholder("x_fake", -1, channels, cfg.arch().side(), cfg.arch().side());
        SDVariable yd = conditional ? dTrain.placeholder("y", -1, k) : null;
        SDVariable dReal = GanNets.discriminator(dTrain, cfg.arch(), channels, real, dNorm, yd, k);
        SDVariable dFake = GanNets.discriminator(dTrain, cfg.arch(), channels, fk, dNorm, yd, k);
        SDVariable dl;
        if (wasserstein) {
            SDVariable w = dReal.mean().sub(dFake.mean());
            wDist = w.name();
            penalty = new CriticPenalty(dTrain, store, init, cfg, channels, yd, k);
            dl = w.neg().add(penalty.term());
        } else {
            wDist = null;
            penalty = null;
            dl = Losses.bceWithLogits(d, dReal, true).add(Losses.bceWithLogits(d, dFake, false));
        }
        d.setLossVariables(dl);
        dLoss = dl.name();

        gEval = new Net(store, init, false);
        SDVariable ze = gEval.placeholder("z", -1, cfg.zDim());
        SDVariable ye = conditional ? gEval.placeholder("y", -1, k) : null;
        evalOut = GanNets.generator(gEval, cfg.arch(), channels, gInput(gEval.sd(), ze, ye), cfg.zDim() + k).name();
        // the graphs above are built under either engine: they create the parameters and serve sampling
        boolean fastStep = cfg.engineOrDefault() == Engine.FAST && cfg.family() == GanFamily.DCGAN
                && cfg.criticSteps() == 1;
        this.fast = fastStep ? new FastDcgan(cfg.arch(), channels, cfg.zDim(), store.parameters()) : null;
    }

    private static SDVariable gInput(SameDiff sd, SDVariable z, SDVariable y) {
        return y == null ? z : sd.concat(1, z, y);
    }

    public GanConfig config() {
        return cfg;
    }

    @Override
    public ParameterStore parameters() {
        return store;
    }

    @Override
    public List<String> emaParameters() {
        return store.names(GanNets.G);
    }

    /**
     * The fast step reuses its activations and gradients and leaves its noise, gradient maps and
     * running-statistics temporaries (tens of kB) to the collector; a collection after each step cost
     * more than it freed ({@code atelier bench --cases dcgan28_step [--gc-per-run]}: 0.177 s a step with
     * one, 0.162 s without). The graph engine leaves every array of its step.
     */
    @Override
    public int stepsPerCollection() {
        return fast != null ? 20 : 1;
    }

    @Override
    public int batchesPerStep() {
        return cfg.criticSteps();
    }

    @Override
    public Map<String, Double> step(Batch batch, StepContext ctx) {
        if (fast != null) {
            return fastStep(batch, ctx);
        }
        int k = cfg.criticSteps();
        int n = batch.size() / k;
        RandomGenerator rng = ctx.random();
        double dl = 0;
        double wd = 0;
        double gp = 0;
        for (int c = 0; c < k; c++) {
            INDArray real = batch.images().get(NDArrayIndex.interval(c * n, (c + 1) * n), NDArrayIndex.all(),
                    NDArrayIndex.all(), NDArrayIndex.all()).dup();
            int[] labels = java.util.Arrays.copyOfRange(batch.labels(), c * n, (c + 1) * n);
            Map<String, INDArray> ph = noise(rng, n, labels);
            INDArray fakes = gTrain.sd().output(ph, fake).get(fake);
            Map<String, INDArray> dph = new LinkedHashMap<>();
            dph.put("x_real", real);
            dph.put("x_fake", fakes);
            if (conditional) {
                dph.put("y", ph.get("y"));
            }
            List<String> outs = new ArrayList<>(List.of(dLoss));
            if (wasserstein) {
                penalty.addInputs(dph, real, fakes, rng);
                outs.add(wDist);
                outs.add(penalty.termName());
            }
            OutAndGrad og = dTrain.sd().calculateGradientsAndOutputs(dph, outs, store.names(GanNets.D));
            ctx.update(GanNets.D, new LinkedHashMap<>(og.getGradients()));
            dl += og.getOutputs().get(dLoss).getDouble(0) / k;
            if (wasserstein) {
                wd += og.getOutputs().get(wDist).getDouble(0) / k;
                gp += og.getOutputs().get(penalty.termName()).getDouble(0) / k;
            }
        }
        int[] gLabels = java.util.Arrays.copyOfRange(batch.labels(), 0, n);
        Map<String, INDArray> ph = noise(rng, n, gLabels);
        List<String> outs = new ArrayList<>(List.of(gLoss));
        outs.addAll(BatchNorm.outputNames(gStats));
        OutAndGrad og = gTrain.sd().calculateGradientsAndOutputs(ph, outs, store.names(GanNets.G));
        ctx.update(GanNets.G, new LinkedHashMap<>(og.getGradients()));
        BatchNorm.updateRunning(gStats, og.getOutputs(), store, n);
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("d_loss", dl);
        losses.put("g_loss", og.getOutputs().get(gLoss).getDouble(0));
        if (wasserstein) {
            losses.put("w_dist", wd);
            losses.put("penalty", gp);
        }
        return losses;
    }

    /**
     * {@link #step} on the fast engine (DCGAN: one D update, no condition): the same draws in the same
     * order, the same losses and gradients, G's running statistics folded in from G's step as the graph
     * path does.
     */
    private Map<String, Double> fastStep(Batch batch, StepContext ctx) {
        int n = batch.size();
        RandomGenerator rng = ctx.random();
        INDArray fakes = fast.generate(noise(rng, n, batch.labels()).get("z"));
        double dl = fast.discriminatorLoss(batch.images(), fakes);
        ctx.update(GanNets.D, new LinkedHashMap<>(fast.discriminatorGradients()));
        double gl = fast.generatorLoss(noise(rng, n, batch.labels()).get("z"));
        ctx.update(GanNets.G, new LinkedHashMap<>(fast.generatorGradients()));
        for (Map.Entry<String, BatchNormAct> e : fast.generatorNorms().entrySet()) {
            BatchNormAct bn = e.getValue();
            long rows = bn.output().length() / bn.batchMean().length;
            BatchNorm.updateRunning(store, e.getKey(), bn.batchMean(), bn.batchVariance(), rows);
        }
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("d_loss", dl);
        losses.put("g_loss", gl);
        return losses;
    }

    /** z ~ N(0, I) and, for the conditional model, the one-hot labels. */
    private Map<String, INDArray> noise(RandomGenerator rng, int n, int[] labels) {
        Map<String, INDArray> ph = new LinkedHashMap<>();
        ph.put("z", NdImages.gaussian(rng, n, cfg.zDim()));
        if (conditional) {
            ph.put("y", NdImages.oneHot(labels, classes.size()));
        }
        return ph;
    }

    @Override
    public List<Image> preview(Batch fixed, long seed) {
        int n = fixed.size();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = conditional ? i % classes.size() : -1;
        }
        return generate(new SplittableRandom(seed), labels);
    }

    @Override
    public int previewColumns(int n) {
        return conditional ? classes.size() : Trainable.super.previewColumns(n);
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int height() {
        return cfg.arch().side();
    }

    @Override
    public int width() {
        return cfg.arch().side();
    }

    @Override
    public List<String> conditions() {
        return classes;
    }

    @Override
    public List<Image> sample(int n, OptionalInt condition, RandomGenerator rng) {
        if (condition.isPresent() && !conditional) {
            throw new IllegalArgumentException("this " + cfg.family().id() + " model is unconditional; it takes no class");
        }
        if (condition.isPresent() && (condition.getAsInt() < 0 || condition.getAsInt() >= classes.size())) {
            throw new IllegalArgumentException("class " + condition.getAsInt() + " outside [0, " + classes.size() + ")");
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = !conditional ? -1 : condition.isPresent() ? condition.getAsInt() : rng.nextInt(classes.size());
        }
        return generate(rng, labels);
    }

    /** Runs G on noise from {@code rng}, in chunks of 256, in inference mode unless configured otherwise. */
    private List<Image> generate(RandomGenerator rng, int[] labels) {
        List<Image> out = new ArrayList<>();
        for (int from = 0; from < labels.length; from += 256) {
            int[] part = java.util.Arrays.copyOfRange(labels, from, Math.min(labels.length, from + 256));
            Map<String, INDArray> ph = noise(rng, part.length, part);
            INDArray x;
            if (cfg.sampleWithBatchStats() && part.length > 1) {
                x = gTrain.sd().output(ph, fake).get(fake);
            } else {
                x = gEval.sd().output(ph, evalOut).get(evalOut);
            }
            out.addAll(NdImages.unstack(x));
        }
        return out;
    }
}
