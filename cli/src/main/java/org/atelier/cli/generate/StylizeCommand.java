package org.atelier.cli.generate;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.models.Stylizer.WeightedStyle;
import org.atelier.models.nst.FeatureNet;
import org.atelier.models.nst.FeatureNets;
import org.atelier.models.nst.NstDefaults;
import org.atelier.models.nst.NstLossSpec;
import org.atelier.models.nst.StartImage;
import org.atelier.models.nst.Stylization;
import org.atelier.training.Runs;
import org.atelier.training.nst.GatysRunner;
import org.atelier.training.publish.ModelSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code atelier stylize}: Gatys optimisation through the training loop, a sweep of style
 * weights rendered as a strip, or one forward pass of a trained fast-nst run ({@code --model}).
 */
@Command(name = "stylize", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = {"Neural style transfer: render --content in the style of one or more --style images by "
                + "optimising the pixels (Gatys et al.; each call is a run folder with metrics.jsonl and "
                + "checkpoints), or with a fast model trained by 'atelier train configs/fast-nst-*.yaml' (--model).",
            "",
            "  atelier stylize --content C.jpg --style S.jpg --out out.png",
            "  atelier stylize --content C.jpg --style A.jpg --style B.jpg --style-weights 0.7,0.3 --out o.png",
            "  atelier stylize --content C.jpg --style S.jpg --preserve-color --out out.png",
            "  atelier stylize --content C.jpg --style S.jpg --sweep 1e1,1e2,1e3 --out strip.png",
            "  atelier stylize --model runs/fast-nst-starry --content C.jpg --out out.png", ""})
public final class StylizeCommand implements Callable<Integer> {
    @Option(names = "--content", required = true, paramLabel = "IMG", description = "Content photo (PNG/JPEG).")
    Path content;

    @Option(names = "--style", paramLabel = "IMG", description = "Style image; repeat to blend several.")
    List<Path> styles = new ArrayList<>();

    @Option(names = "--style-weights", split = ",", paramLabel = "W",
            description = "Blend shares of the --style images, e.g. 0.7,0.3 (normalised; default equal).")
    List<Double> styleShares = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "PNG", description = "Result (a strip with --sweep).")
    Path out;

    @Option(names = "--model", paramLabel = "RUN",
            description = "A trained fast-nst run folder (or checkpoint), or a published fast-nst model (folder or name "
                    + "in weights/): one forward pass instead of optimising.")
    Path model;

    @Option(names = "--size", defaultValue = "256", description = "Output's longer side in pixels (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--style-size", paramLabel = "N",
            description = "Style images' longer side in pixels before matching; sets the texture scale (default: --size).")
    Integer styleSize;

    @Option(names = "--steps", defaultValue = "" + NstDefaults.STEPS, description = "Optimisation steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--style-weight", defaultValue = NstDefaults.STYLE_WEIGHT, paramLabel = "W",
            description = "β, weight of the style loss against content weight 1 (default ${DEFAULT-VALUE}).")
    double styleWeight;

    @Option(names = "--sweep", split = ",", paramLabel = "W",
            description = "Render one result per style weight, e.g. 1e2,1e3,1e4, as a strip: content, style, results.")
    List<Double> sweep = new ArrayList<>();

    @Option(names = "--content-weight", defaultValue = "1", description = "α (default ${DEFAULT-VALUE}).")
    double contentWeight;

    @Option(names = "--tv-weight", defaultValue = NstDefaults.TV_WEIGHT,
            description = "γ, total-variation smoothing (default ${DEFAULT-VALUE}).")
    double tvWeight;

    @Option(names = "--content-layer", defaultValue = NstDefaults.CONTENT_LAYER,
            description = "Feature layer the content is matched at (default ${DEFAULT-VALUE}); deeper keeps less detail.")
    String contentLayer;

    @Option(names = "--style-layers", paramLabel = "L[:W],...",
            description = "Style layers with optional relative weights, e.g. relu1_1,relu2_1:2 (default relu1_1..relu5_1).")
    String styleLayers;

    @Option(names = "--features", defaultValue = FeatureNets.DEFAULT, paramLabel = "NET",
            description = "Feature net: random (seeded random filters, default), random:SEED, or a VGG-16/19 .npz "
                    + "written from torchvision weights (see README).")
    String features;

    @Option(names = "--lr", defaultValue = NstDefaults.LR, description = "Adam learning rate on pixels in [-1, 1] (default ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--init", defaultValue = "content", description = "Start from: content or noise (default ${DEFAULT-VALUE}).")
    String init;

    @Option(names = "--preserve-color", description = "Transfer on luminance only; keep the content's colours.")
    boolean preserveColor;

    @Option(names = "--seed", defaultValue = "0", description = "Run seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--runs", defaultValue = "runs", paramLabel = "DIR", description = "Where run folders go (default ${DEFAULT-VALUE}).")
    Path runsRoot;

    @Option(names = "--name", paramLabel = "N", description = "Run folder name (default stylize-<content>-<style>).")
    String name;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Override
    public Integer call() {
        Image c = ImageFiles.read(content);
        if (model != null) {
            return fast(c);
        }
        if (styles.isEmpty()) {
            throw new InvalidInputException("give at least one --style image (or --model RUN for a trained fast model)");
        }
        if (!styleShares.isEmpty() && styleShares.size() != styles.size()) {
            throw new InvalidInputException("--style-weights has " + styleShares.size() + " values for " + styles.size()
                    + " --style images");
        }
        List<WeightedStyle> ws = new ArrayList<>();
        for (int i = 0; i < styles.size(); i++) {
            double share = styleShares.isEmpty() ? 1.0 : styleShares.get(i);
            if (!(share > 0)) {
                throw new InvalidInputException("--style-weights must be > 0, got " + styleShares);
            }
            ws.add(new WeightedStyle(ImageFiles.read(styles.get(i)), share));
        }
        FeatureNet net = FeatureNets.open(features);
        NstLossSpec loss;
        try {
            loss = new NstLossSpec(contentLayer, parseLayers(styleLayers), contentWeight, styleWeight, tvWeight);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        GatysRunner.Settings settings = new GatysRunner.Settings(net, loss, size, styleSize == null ? size : styleSize,
                steps, lr, parseStart(init), preserveColor, seed, !noProgress);
        String runName = name != null ? name : "stylize-" + stem(content) + "-" + stem(styles.get(0));
        if (sweep.isEmpty()) {
            GatysRunner.Result r = new GatysRunner(settings, runsRoot, runName).run(c, ws, GatysRunner.freshDir(runsRoot, runName));
            ImageFiles.writePng(r.image(), out);
            System.out.printf("%s: %d steps at %dx%d, %.3f s/step (%.1f s wall); run in %s%n", out, steps,
                    r.image().width(), r.image().height(), r.secondsPerStep(), r.train().wallSeconds(), r.dir().root());
            return 0;
        }
        BufferedImage strip = GatysRunner.sweep(settings, c, ws, sweep, runsRoot, runName, done -> System.out.printf(
                "style weight %s: %.3f s/step; run in %s%n", NstDefaults.format(done.styleWeight()),
                done.result().secondsPerStep(), done.result().dir().root()));
        ImageFiles.writePng(strip, out);
        System.out.println("strip written to " + out);
        return 0;
    }

    private int fast(Image c) {
        if (!styles.isEmpty() || !sweep.isEmpty()) {
            throw new InvalidInputException("--model applies the style the run was trained for; --style and --sweep "
                    + "are for optimisation");
        }
        Runs.Loaded loaded = ModelSources.load(model);
        Stylization.Result r = Stylization.apply(loaded.stylizer(), c, size, preserveColor);
        ImageFiles.writePng(r.image(), out);
        System.out.printf("%s: %dx%d in %.3f s with %s%n", out, r.image().width(), r.image().height(), r.seconds(),
                loaded.checkpoint());
        return 0;
    }

    /** "relu1_1,relu2_1:2" → {relu1_1: 1, relu2_1: 2}; null → relu1_1..relu5_1. */
    static Map<String, Double> parseLayers(String spec) {
        if (spec == null || spec.isBlank()) {
            return NstLossSpec.ALL_STYLE_LAYERS;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split(":");
            try {
                m.put(kv[0].trim(), kv.length > 1 ? Double.parseDouble(kv[1].trim()) : 1.0);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("--style-layers: expected LAYER or LAYER:WEIGHT, got '" + part + "'");
            }
        }
        return m;
    }

    static StartImage parseStart(String s) {
        return switch (s.toLowerCase()) {
            case "content" -> StartImage.CONTENT;
            case "noise" -> StartImage.NOISE;
            default -> throw new InvalidInputException("--init must be content or noise, got '" + s + "'");
        };
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        n = dot > 0 ? n.substring(0, dot) : n;
        return n.replaceFirst("^(content|style)-", "").replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
