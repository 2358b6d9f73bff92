package org.atelier.models.diffusion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.atelier.core.image.Image;
import org.atelier.datasets.masks.Mask;
import org.atelier.models.Batch;
import org.atelier.models.Engine;
import org.atelier.models.Inpainter;
import org.atelier.models.Sampler;
import org.atelier.models.StepContext;
import org.atelier.models.Trainable;
import org.atelier.models.common.Init;
import org.atelier.models.common.NdImages;
import org.atelier.models.common.Net;
import org.atelier.models.common.ParameterStore;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A denoising diffusion model (Ho et al. 2020): a {@link UNet} trained to predict the noise
 * (or v) added by a {@link NoiseSchedule}, optionally conditioned on a class or attributes with
 * null-token dropout for classifier-free guidance (Ho and Salimans 2021). One trained model
 * serves every sampler: DDPM, DDIM, RePaint inpainting, outpainting and SDEdit variations.
 *
 * <p>Training step (Ho et al. 2020, Algorithm 1): for each image x₀ draw t ~ U{0…T−1} and
 * ε ~ N(0, I), form x_t = √ᾱ_t·x₀ + √(1 − ᾱ_t)·ε, replace the condition by the null token
 * with probability {@code cond_drop} (and, for attributes, each attribute with probability
 * {@code attribute_drop}), and minimise the mean squared error between the network's output
 * and ε (or v). Every random draw comes from the loop's step generator.
 *
 * <p>The training and sampling graphs are one SameDiff graph (GroupNorm keeps no batch
 * statistics): sampling asks for the output only. Under {@code engine: fast} (the default) the graph
 * only creates the parameters, and {@link FastUNet} computes the same function and gradients over them.
 */
public final class DiffusionModel implements Trainable, Sampler, Inpainter, Denoiser {
    /** Images per forward pass when sampling (twice as many pass with guidance). */
    static final int CHUNK = 64;

    private final DiffusionConfig cfg;
    private final int channels;
    private final UNetSpec spec;
    private final NoiseSchedule schedule;
    private final ConditionSpace space;
    private final ParameterStore store = new ParameterStore();
    private final Init init;
    private final Net net;
    private final String loss;
    /** The UNet outside SameDiff's executor, over the same parameter arrays; null under {@code engine: samediff}. */
    private final FastUNet fast;
    /** Sampling graph over the same weights, without training-only forms; built on first use. */
    private Net inference;
    private String inferenceOutput;

    /**
     * @param channels of the data (1 or 3)
     * @param space    the condition slots (empty for {@code conditioning: none})
     * @param seed     weight initialisation seed
     */
    public DiffusionModel(DiffusionConfig cfg, int channels, ConditionSpace space, long seed) {
        if (cfg.conditioning() == ConditioningKind.NONE && !space.isEmpty()) {
            throw new IllegalArgumentException("an unconditional model takes no condition slots");
        }
        if (cfg.conditioning() != ConditioningKind.NONE && space.isEmpty()) {
            throw new IllegalArgumentException("a " + cfg.conditioning().id() + "-conditional model needs condition slots");
        }
        this.cfg = cfg;
        this.channels = channels;
        this.spec = cfg.spec();
        this.schedule = cfg.noiseSchedule();
        this.space = space;
        this.init = new Init(seed);
        this.net = new Net(store, init, true);
        SameDiff sd = net.sd();
        int side = spec.side();
        SDVariable out = buildUNet(net);
        SDVariable target = net.placeholder("target", -1, channels, side, side);
        SDVariable mse = sd.math().square(out.sub(target)).mean();
        sd.setLossVariables(mse);
        this.loss = mse.name();
        // the graph above is built under either engine: it creates the parameters (names, order, initial values)
        this.fast = cfg.engineOrDefault() == Engine.FAST ? new FastUNet(spec, channels, !space.isEmpty(), store.parameters()) : null;
    }

    /** The UNet on placeholders x, temb (and cond) in {@code n}'s graph. */
    private SDVariable buildUNet(Net n) {
        int side = spec.side();
        SDVariable x = n.placeholder("x", -1, channels, side, side);
        SDVariable temb = n.placeholder("temb", -1, spec.timeWidth());
        SDVariable cond = space.isEmpty() ? null : n.placeholder("cond", -1, space.width());
        return UNet.build(n, spec, channels, x, temb, cond, space.width(), space.slots().size());
    }

    /**
     * The graph sampling runs: the same parameter arrays as the training graph (updates and EMA
     * swaps are seen at once) and the same values, but GroupNorm's broadcast products in their
     * plain form, which is cheaper forward (only their gradients needed the training form).
     */
    private Net inferenceNet() {
        if (inference == null) {
            Net n = new Net(store, init, false);
            inferenceOutput = buildUNet(n).name();
            inference = n;
        }
        return inference;
    }

    public DiffusionConfig config() {
        return cfg;
    }

    public NoiseSchedule schedule() {
        return schedule;
    }

    public ConditionSpace conditionSpace() {
        return space;
    }

    public Prediction prediction() {
        return cfg.prediction();
    }

    // ---- training ------------------------------------------------------------------------

    @Override
    public ParameterStore parameters() {
        return store;
    }

    @Override
    public List<String> emaParameters() {
        return new ArrayList<>(store.parameters().keySet());
    }

    /**
     * The fast engine reuses its activations and gradients, so a step leaves only its inputs (noise,
     * x_t, the time features: about 1 MB at UNet-28's batch of 64) to the collector, and a collection
     * after each step cost more than it freed: 0.50 s a step with one, 0.46 s without ({@code atelier
     * bench --cases unet28_step [--gc-per-run]}, issue 20). The graph engine leaves every array of its step.
     */
    @Override
    public int stepsPerCollection() {
        return fast != null ? 20 : 1;
    }

    @Override
    public Map<String, Double> step(Batch batch, StepContext ctx) {
        RandomGenerator rng = ctx.random();
        int n = batch.size();
        INDArray x0 = batch.images();
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = rng.nextInt(schedule.steps());
        }
        INDArray eps = Noise.like(x0, rng);
        INDArray xt = schedule.addNoise(x0, eps, t);
        INDArray target = cfg.prediction().targets(schedule, x0, eps, t);
        List<Condition> conditions = trainingConditions(batch, rng);
        Map<String, Double> losses = new LinkedHashMap<>();
        if (fast != null) {
            Map<String, INDArray> ph = inputs(xt, TimeEmbedding.sinusoidal(t, spec.timeWidth()), conditions);
            losses.put("loss", fast.lossAndGradients(xt, ph.get("temb"), ph.get("cond"), target));
            ctx.update(UNet.GROUP, new LinkedHashMap<>(fast.gradients()));
            return losses;
        }
        OutAndGrad og = lossAndGradients(xt, t, conditions, target);
        ctx.update(UNet.GROUP, new LinkedHashMap<>(og.getGradients()));
        losses.put("loss", og.getOutputs().get(loss).getDouble(0));
        return losses;
    }

    /** The training graph on given inputs: the loss (output {@link #loss}) and the gradient of every UNet weight. */
    OutAndGrad lossAndGradients(INDArray xt, int[] t, List<Condition> conditions, INDArray target) {
        Map<String, INDArray> ph = inputs(xt, TimeEmbedding.sinusoidal(t, spec.timeWidth()), conditions);
        ph.put("target", target);
        return net.sd().calculateGradientsAndOutputs(ph, List.of(loss), store.names(UNet.GROUP));
    }

    /** Name of the loss output of {@link #lossAndGradients}. */
    String lossName() {
        return loss;
    }

    /** The batch's conditions with the configured null-token dropout. */
    List<Condition> trainingConditions(Batch batch, RandomGenerator rng) {
        if (space.isEmpty()) {
            return List.of();
        }
        List<Condition> out = new ArrayList<>(batch.size());
        Condition none = space.nullCondition();
        for (int i = 0; i < batch.size(); i++) {
            if (rng.nextDouble() < cfg.condDrop()) {
                out.add(none);
                continue;
            }
            int[] v = new int[space.slots().size()];
            for (int s = 0; s < v.length; s++) {
                ConditionSlot slot = space.slots().get(s);
                if (cfg.conditioning() == ConditioningKind.CLASS) {
                    v[s] = batch.labels()[i];
                    if (v[s] < 0 || v[s] >= slot.values().size()) {
                        throw new IllegalArgumentException("sample " + i + " of the batch has label " + v[s]
                                + "; class conditioning needs labels in [0, " + slot.values().size() + ")");
                    }
                } else {
                    String value = batch.attributes().get(i).get(slot.name());
                    v[s] = value == null ? -1 : slot.indexOf(value);
                    if (v[s] < 0) {
                        throw new IllegalArgumentException("sample " + i + " of the batch has " + slot.name() + "="
                                + value + ", which is not among the values the model embeds " + slot.values());
                    }
                    if (rng.nextDouble() < cfg.attributeDrop()) {
                        v[s] = slot.nullIndex();
                    }
                }
            }
            out.add(new Condition(v));
        }
        return out;
    }

    private Map<String, INDArray> inputs(INDArray x, INDArray temb, List<Condition> conditions) {
        Map<String, INDArray> ph = new LinkedHashMap<>();
        ph.put("x", x);
        ph.put("temb", temb);
        if (!space.isEmpty()) {
            if (conditions.size() != x.size(0)) {
                throw new IllegalArgumentException("need one condition per image: " + conditions.size() + " for " + x.size(0));
            }
            ph.put("cond", space.encode(conditions));
        }
        return ph;
    }

    // ---- the network as a denoiser -------------------------------------------------------

    /** The network's output for x at timestep t; conditions are ignored (may be empty) for an unconditional model. */
    @Override
    public INDArray predict(INDArray x, int t, List<Condition> conditions) {
        long n = x.size(0);
        if (n <= 2L * CHUNK) {
            return forward(x, t, conditions);
        }
        List<INDArray> parts = new ArrayList<>();
        for (int from = 0; from < n; from += 2 * CHUNK) {
            int to = (int) Math.min(n, from + 2L * CHUNK);
            INDArray xs = x.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
            parts.add(forward(xs, t, space.isEmpty() ? List.of() : conditions.subList(from, to)));
        }
        return Nd4j.concat(0, parts.toArray(INDArray[]::new));
    }

    private INDArray forward(INDArray x, int t, List<Condition> conditions) {
        int[] ts = new int[(int) x.size(0)];
        java.util.Arrays.fill(ts, t);
        return forward(x, ts, conditions);
    }

    /**
     * The network's output with one timestep per image (x's first dimension); used to measure the loss
     * at many timesteps in one pass ({@link LossProbe}). No chunking: the caller bounds the batch.
     */
    public INDArray forward(INDArray x, int[] t, List<Condition> conditions) {
        if (t.length != x.size(0)) {
            throw new IllegalArgumentException("need one timestep per image: " + t.length + " for " + x.size(0));
        }
        for (int ti : t) {
            if (ti < 0 || ti >= schedule.steps()) {
                throw new IllegalArgumentException("timestep " + ti + " outside [0, " + schedule.steps() + ")");
            }
        }
        INDArray xf = x.dataType() == org.nd4j.linalg.api.buffer.DataType.FLOAT ? x : x.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        Map<String, INDArray> ph = inputs(xf, TimeEmbedding.sinusoidal(t, spec.timeWidth()),
                space.isEmpty() ? List.of() : conditions);
        if (fast != null) {
            // a copy: the fast engine's output array is overwritten by its next pass
            return fast.forward(xf, ph.get("temb"), ph.get("cond")).dup();
        }
        return inferenceNet().sd().output(ph, inferenceOutput).get(inferenceOutput);
    }

    /** This model with classifier-free guidance at scale s (the model itself when unconditional). */
    public Denoiser guided(double scale) {
        return space.isEmpty() ? this : new GuidedDenoiser(this, space.nullCondition(), scale);
    }

    // ---- sampling ------------------------------------------------------------------------

    /**
     * Draws one image per condition (use {@link #unconditional(int)} for an unconditional model).
     *
     * @param recorder records the trajectory of the first chunk's images
     */
    public List<Image> generate(List<Condition> conditions, SamplingOptions o, RandomGenerator rng,
                                TrajectoryRecorder recorder) {
        return generate(conditions, o, rng, recorder, SamplingProgress.NONE);
    }

    /** As above, telling {@code progress} after every network call. */
    public List<Image> generate(List<Condition> conditions, SamplingOptions o, RandomGenerator rng,
                                TrajectoryRecorder recorder, SamplingProgress progress) {
        ReverseStep step = o.step(schedule, cfg.prediction());
        int[] ts = schedule.timesteps(o.steps(), o.spacing());
        Denoiser d = guided(o.guidance());
        int chunks = (conditions.size() + CHUNK - 1) / CHUNK;
        SamplingProgress.Counter counter = progress.counter((long) chunks * ts.length);
        List<Image> out = new ArrayList<>();
        for (int from = 0; from < conditions.size(); from += CHUNK) {
            List<Condition> part = conditions.subList(from, Math.min(conditions.size(), from + CHUNK));
            INDArray x = Noise.gaussian(rng, part.size(), channels, spec.side(), spec.side());
            INDArray x0 = ReverseSampler.run(d, step, ts, 0, x, conditionsFor(part), rng,
                    from == 0 ? recorder : TrajectoryRecorder.off(), counter);
            out.addAll(clamp(NdImages.unstack(x0)));
        }
        return out;
    }

    /** n null conditions: what {@link #generate} takes for unconditional samples. */
    public List<Condition> unconditional(int n) {
        return Collections.nCopies(n, space.nullCondition());
    }

    /** Conditions as the network takes them: none at all for an unconditional model. */
    private List<Condition> conditionsFor(List<Condition> c) {
        return space.isEmpty() ? List.of() : c;
    }

    /**
     * RePaint inpainting of each image's hole (mask 1 = hole), one condition per image; known
     * pixels come back exactly as given.
     */
    public List<Image> inpaint(List<Image> images, List<Mask> masks, List<Condition> conditions, RePaintOptions o,
                               RandomGenerator rng, TrajectoryRecorder recorder) {
        return inpaint(images, masks, conditions, o, rng, recorder, SamplingProgress.NONE);
    }

    /** As above, telling {@code progress} after every network call. */
    public List<Image> inpaint(List<Image> images, List<Mask> masks, List<Condition> conditions, RePaintOptions o,
                               RandomGenerator rng, TrajectoryRecorder recorder, SamplingProgress progress) {
        if (images.size() != masks.size() || images.size() != conditions.size()) {
            throw new IllegalArgumentException("need one mask and one condition per image");
        }
        for (int i = 0; i < images.size(); i++) {
            checkSize(images.get(i), masks.get(i));
        }
        Denoiser d = guided(o.guidance());
        int chunks = (images.size() + CHUNK - 1) / CHUNK;
        SamplingProgress.Counter counter = progress.counter((long) chunks * RePaint.networkCalls(o));
        List<Image> out = new ArrayList<>();
        for (int from = 0; from < images.size(); from += CHUNK) {
            int to = Math.min(images.size(), from + CHUNK);
            INDArray x = NdImages.stack(images.subList(from, to));
            INDArray m = NdImages.masks(masks.subList(from, to));
            INDArray filled = RePaint.inpaint(d, schedule, cfg.prediction(), o, x, m,
                    conditionsFor(conditions.subList(from, to)), rng, from == 0 ? recorder : TrajectoryRecorder.off(),
                    counter);
            List<Image> res = NdImages.unstack(filled);
            for (int i = 0; i < res.size(); i++) {
                out.add(RePaint.pasteKnown(res.get(i), images.get(from + i), masks.get(from + i)));
            }
        }
        return out;
    }

    private void checkSize(Image im, Mask m) {
        if (im.channels() != channels || im.height() != spec.side() || im.width() != spec.side()) {
            throw new IllegalArgumentException("image is " + im.channels() + "x" + im.height() + "x" + im.width()
                    + ", this model works on " + channels + "x" + spec.side() + "x" + spec.side());
        }
        if (m.height() != im.height() || m.width() != im.width()) {
            throw new IllegalArgumentException("mask is " + m.width() + "x" + m.height() + ", the image "
                    + im.width() + "x" + im.height());
        }
    }

    /** Outpainting: the canvas extended by {@code borders}, the new pixels filled by windowed RePaint. */
    public Image outpaint(Image image, Outpainting.Borders borders, Condition condition, RePaintOptions o,
                          RandomGenerator rng) {
        return Outpainting.extend(this, image, borders, condition, o, rng);
    }

    /** SDEdit variations of one image: {@code n} samples from it noised to {@code strength}. */
    public List<Image> vary(Image image, int n, double strength, Condition condition, SamplingOptions o,
                            RandomGenerator rng, TrajectoryRecorder recorder) {
        checkSize(image, Mask.empty(image.height(), image.width()));
        return SdEdit.vary(this, image, n, strength, condition, o, rng, recorder);
    }

    static List<Image> clamp(List<Image> images) {
        List<Image> out = new ArrayList<>(images.size());
        for (Image im : images) {
            float[] p = im.pixels().clone();
            for (int i = 0; i < p.length; i++) {
                p[i] = Math.max(-1f, Math.min(1f, p[i]));
            }
            out.add(new Image(im.channels(), im.height(), im.width(), p));
        }
        return out;
    }

    // ---- capabilities --------------------------------------------------------------------

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int height() {
        return spec.side();
    }

    @Override
    public int width() {
        return spec.side();
    }

    /**
     * The conditions {@link #sample} takes by index: the class names of a class-conditional
     * model, {@code attribute=value} for each value of an attribute-conditional one, empty for
     * an unconditional model.
     */
    @Override
    public List<String> conditions() {
        List<String> out = new ArrayList<>();
        if (cfg.conditioning() == ConditioningKind.CLASS) {
            out.addAll(space.slots().get(0).values());
        } else if (cfg.conditioning() == ConditioningKind.ATTRIBUTES) {
            for (ConditionSlot s : space.slots()) {
                for (String v : s.values()) {
                    out.add(s.name() + "=" + v);
                }
            }
        }
        return out;
    }

    /** The {@link #conditions()} entry {@code index} as a condition (other slots null). */
    public Condition conditionAt(int index) {
        int k = index;
        for (int s = 0; s < space.slots().size(); s++) {
            int size = space.slots().get(s).values().size();
            if (k < size) {
                return space.single(s, k);
            }
            k -= size;
        }
        throw new IllegalArgumentException("condition " + index + " outside [0, " + conditions().size() + ")");
    }

    /**
     * DDIM with {@code preview_steps} steps, η = 0, at the configured preview guidance. With no
     * condition, a class-conditional model draws classes uniformly and an attribute model samples
     * unconditionally.
     */
    @Override
    public List<Image> sample(int n, OptionalInt condition, RandomGenerator rng) {
        List<Condition> cs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (condition.isPresent()) {
                cs.add(conditionAt(condition.getAsInt()));
            } else if (cfg.conditioning() == ConditioningKind.CLASS) {
                cs.add(space.single(0, rng.nextInt(space.slots().get(0).values().size())));
            } else {
                cs.add(space.nullCondition());
            }
        }
        return generate(cs, defaultSampling(), rng, TrajectoryRecorder.off());
    }

    /** What {@link #sample} and the training previews use. */
    public SamplingOptions defaultSampling() {
        return SamplingOptions.ddim(cfg.previewSteps(), 0.0, cfg.previewGuidance());
    }

    /** RePaint with its defaults and the null condition. */
    @Override
    public Image inpaint(Image image, Mask mask, RandomGenerator rng) {
        return inpaint(List.of(image), List.of(mask), List.of(space.nullCondition()),
                RePaintOptions.defaults(1.0), rng, TrajectoryRecorder.off()).get(0);
    }

    /**
     * Samples for the training grid from the same noise every time: one column per class for a
     * class-conditional model, the fixed real samples' attributes for an attribute model.
     */
    @Override
    public List<Image> preview(Batch fixed, long seed) {
        int n = fixed.size();
        List<Condition> cs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            switch (cfg.conditioning()) {
                case NONE -> cs.add(space.nullCondition());
                case CLASS -> cs.add(space.single(0, i % space.slots().get(0).values().size()));
                case ATTRIBUTES -> {
                    Map<String, String> a = new LinkedHashMap<>();
                    for (String s : space.slotNames()) {
                        String v = fixed.attributes().get(i).get(s);
                        if (v != null) {
                            a.put(s, v);
                        }
                    }
                    cs.add(space.of(a));
                }
                default -> throw new IllegalStateException();
            }
        }
        return generate(cs, defaultSampling(), new SplittableRandom(seed), TrajectoryRecorder.off());
    }

    @Override
    public int previewColumns(int n) {
        return cfg.conditioning() == ConditioningKind.CLASS ? space.slots().get(0).values().size()
                : Trainable.super.previewColumns(n);
    }
}
