package org.atelier.training.nst;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.errors.InvalidSettingException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageStrip;
import org.atelier.core.io.Json;
import org.atelier.core.provenance.ProvenanceBuilder;
import org.atelier.models.Stylizer;
import org.atelier.models.backend.Backends;
import org.atelier.models.nst.ColorPreservation;
import org.atelier.models.nst.FeatureNet;
import org.atelier.models.nst.GatysTransfer;
import org.atelier.models.nst.NstDefaults;
import org.atelier.models.nst.NstImages;
import org.atelier.models.nst.NstLossSpec;
import org.atelier.models.nst.SingleImage;
import org.atelier.models.nst.StartImage;
import org.atelier.training.RunDir;
import org.atelier.training.StopSignal;
import org.atelier.training.TrainResult;
import org.atelier.training.Trainer;
import org.atelier.training.config.OptimizerConfig;
import org.atelier.training.config.TrainerConfig;

/**
 * Gatys style transfer run by the one training loop: the {@link GatysTransfer} objective is
 * handed to {@link Trainer} with Adam on the pixels, so each stylisation is a run folder with
 * {@code metrics.jsonl}, {@code checkpoints/}, {@code samples/} (content beside the current image)
 * and {@code stylize.json} (settings, feature net id and SHA-256, provenance). The
 * {@link Stylizer} for any style.
 */
public final class GatysRunner implements Stylizer {
    /**
     * @param net           feature net
     * @param loss          objective
     * @param size          output's longer side in pixels (≥ 16)
     * @param styleSize     the style images' longer side in pixels before their Grams are taken (≥ 16); it sets
     *                      the scale of the style's texture
     * @param steps         Adam steps (≥ 1)
     * @param lr            Adam learning rate in pixel units of [-1, 1] images (&gt; 0)
     * @param start         content or noise
     * @param preserveColor transfer on luminance only and keep the content's colours ({@link ColorPreservation})
     * @param seed          run seed (noise start; the loop's random streams)
     * @param progressBar   show the loop's progress bar on a terminal
     */
    public record Settings(FeatureNet net, NstLossSpec loss, int size, int styleSize, int steps, double lr,
                           StartImage start, boolean preserveColor, long seed, boolean progressBar) {
        public Settings {
            if (size < NstImages.MIN_SIDE) {
                throw new InvalidSettingException("size", "must be at least " + NstImages.MIN_SIDE + " pixels, got " + size);
            }
            if (styleSize < NstImages.MIN_SIDE) {
                throw new InvalidSettingException("style_size", "must be at least " + NstImages.MIN_SIDE + " pixels, got "
                        + styleSize);
            }
            if (steps < 1) {
                throw new InvalidSettingException("steps", "must be at least 1, got " + steps);
            }
            if (!(lr > 0) || !Double.isFinite(lr)) {
                throw new InvalidSettingException("lr", "must be a number > 0, got " + lr);
            }
            loss.layersUsed().forEach(l -> {
                if (!net.layers().contains(l)) {
                    throw new InvalidInputException("feature net " + net.id() + " has no layer '" + l + "'; it has "
                            + net.layers());
                }
            });
        }

        public Settings withStyleWeight(double w) {
            return new Settings(net, loss.withStyleWeight(w), size, styleSize, steps, lr, start, preserveColor, seed,
                    progressBar);
        }
    }

    /**
     * @param content the content at the output size, as optimised (grey when colour is preserved)
     * @param image   the result, (3, H, W) in [-1, 1]
     * @param dir     the run folder
     * @param train   how the loop ended (its images per second is steps per second here)
     */
    public record Result(Image content, Image image, RunDir dir, TrainResult train) {
        /** Mean seconds of one optimisation step (gradient + Adam), without checkpoints and previews. */
        public double secondsPerStep() {
            return train.imagesPerSecond() > 0 ? 1 / train.imagesPerSecond() : Double.NaN;
        }
    }

    private final Settings settings;
    private final Path runsRoot;
    private final String name;

    /** @param runsRoot folder for the run folders; each call of {@link #stylize} gets a fresh {@code name[-k]} */
    public GatysRunner(Settings settings, Path runsRoot, String name) {
        this.settings = settings;
        this.runsRoot = runsRoot;
        this.name = name;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public boolean fixedStyle() {
        return false;
    }

    @Override
    public Image stylize(Image content, List<WeightedStyle> styles) {
        return run(content, styles, freshDir(runsRoot, name)).image();
    }

    /** Optimises into {@code dir} (created; must not hold a run yet). */
    public Result run(Image content, List<WeightedStyle> styles, RunDir dir) {
        if (styles.isEmpty()) {
            throw new InvalidSettingException("style", "needs at least one style image");
        }
        Image c = NstImages.fit(content, settings.size());
        Image target = settings.preserveColor() ? ColorPreservation.grey(c) : c;
        List<WeightedStyle> fitted = new ArrayList<>();
        for (WeightedStyle s : styles) {
            Image im = NstImages.fit(s.image(), settings.styleSize());
            fitted.add(new WeightedStyle(settings.preserveColor() ? ColorPreservation.matchedGrey(im, c) : im, s.weight()));
        }
        GatysTransfer model = new GatysTransfer(settings.net(), settings.loss(), target, fitted,
                settings.start().of(target, settings.seed()));
        try {
            Files.createDirectories(dir.root());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + dir.root() + ": " + e.getMessage(), e);
        }
        writeSettings(dir, styles);
        int steps = settings.steps();
        TrainerConfig tc = new TrainerConfig((long) steps, 1, OptimizerConfig.adam(settings.lr(), 0.9, 0.999), null,
                0.0, 0.0, (long) steps, 1, (long) Math.min(10, steps), (long) Math.max(1, steps / 5), 1, null, null);
        Trainer trainer = new Trainer(tc, settings.seed(), dir, new StopSignal(), settings.progressBar(), List.of());
        TrainResult r = trainer.train(model, new SingleImage("content", target), Optional.empty());
        Image out = model.image();
        if (settings.preserveColor()) {
            out = ColorPreservation.recombine(out, c);
        }
        return new Result(target, out, dir, r);
    }

    private void writeSettings(RunDir dir, List<WeightedStyle> styles) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("method", "gatys");
        s.put("feature_net", settings.net().id());
        s.put("feature_net_sha256", settings.net().sha256());
        s.put("content_layer", settings.loss().contentLayer());
        s.put("style_layers", settings.loss().styleLayers());
        s.put("content_weight", settings.loss().contentWeight());
        s.put("style_weight", settings.loss().styleWeight());
        s.put("tv_weight", settings.loss().tvWeight());
        s.put("style_shares", styles.stream().map(WeightedStyle::weight).toList());
        s.put("size", settings.size());
        s.put("style_size", settings.styleSize());
        s.put("steps", settings.steps());
        s.put("optimizer", "adam lr=" + settings.lr());
        s.put("start", settings.start().name().toLowerCase());
        s.put("preserve_color", settings.preserveColor());
        s.put("seed", settings.seed());
        s.put("provenance", new ProvenanceBuilder().seed(settings.seed())
                .backend(Backends.name(), Backends.nd4jVersion()).build());
        Json.write(dir.root().resolve("stylize.json"), s);
    }

    /** One run of a {@link #sweep}: its style weight and result. */
    public record SweepRun(double styleWeight, Result result) {
    }

    /**
     * One stylisation per style weight, each in a fresh run folder {@code runsRoot/name-swW}, drawn as
     * a strip: the content, the style images, then one result per weight, captioned.
     *
     * @param weights style weights ≥ 0, e.g. 1e1, 1e2, 1e3
     * @param done    told of each run as it finishes
     * @return the strip, at most 256 pixels high
     */
    public static BufferedImage sweep(Settings settings, Image content, List<WeightedStyle> styles, List<Double> weights,
                                      Path runsRoot, String name, Consumer<SweepRun> done) {
        for (double w : weights) {
            if (!(w >= 0)) {
                throw new InvalidSettingException("sweep", "weights must be >= 0, got " + weights);
            }
        }
        List<Image> strip = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        strip.add(NstImages.fit(content, settings.size()));
        captions.add("content");
        for (int i = 0; i < styles.size(); i++) {
            strip.add(styles.get(i).image());
            captions.add(styles.size() == 1 ? "style" : "style " + (i + 1));
        }
        for (double w : weights) {
            String run = name + "-sw" + NstDefaults.format(w);
            Result r = new GatysRunner(settings.withStyleWeight(w), runsRoot, run).run(content, styles,
                    freshDir(runsRoot, run));
            strip.add(r.image());
            captions.add("style weight " + NstDefaults.format(w));
            done.accept(new SweepRun(w, r));
        }
        return ImageStrip.of(strip, captions, Math.min(settings.size(), 256));
    }

    /** {@code root/name}, or {@code root/name-2}, {@code -3}, … : the first that does not exist. */
    public static RunDir freshDir(Path root, String name) {
        Path p = root.resolve(name);
        for (int k = 2; Files.exists(p); k++) {
            p = root.resolve(name + "-" + k);
        }
        return new RunDir(p);
    }
}
