package org.atelier.experiments.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.errors.InvalidSettingException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.core.random.Seeds;
import org.atelier.datasets.ProjectRoot;
import org.atelier.evaluation.fidelity.CorrectedComparisons;
import org.atelier.evaluation.style.StyleJudge;
import org.atelier.evaluation.style.StyleScores;
import org.atelier.evaluation.stats.Bootstrap;
import org.atelier.models.Stylizer;
import org.atelier.models.features.FeatureMap;
import org.atelier.models.nst.FastNstConfig;
import org.atelier.models.nst.FastStyleTransfer;
import org.atelier.models.nst.FeatureNet;
import org.atelier.models.nst.FeatureNets;
import org.atelier.models.nst.NstDefaults;
import org.atelier.models.nst.NstImages;
import org.atelier.models.nst.NstLossSpec;
import org.atelier.models.nst.StartImage;
import org.atelier.training.Runs;
import org.atelier.training.nst.GatysRunner;

/**
 * Every style-transfer method on the same content × style pairs at one size, each result scored
 * by a {@link StyleJudge} whose net none of the methods optimised against, then one family of paired
 * tests ({@link CorrectedComparisons}, Holm across all of them): each method against the first (the
 * baseline) on the pairs both could stylise, per metric.
 */
final class StyleTransferScoring {
    /** The images of one pair, as every method receives them (longer side at the configured size). */
    record Pair(String content, String style, Path styleFile, Image contentImage, Image styleImage,
                List<FeatureMap> styleFeatures) {
        String key() {
            return content + " × " + style;
        }
    }

    /** A method's results on the pairs it could stylise, in pair order. */
    record Run(String method, String origin, List<Pair> pairs, List<Image> results, List<StyleScores> scores,
               double[] seconds) {
        double[] values(String metric) {
            return scores.stream().mapToDouble(s -> s.get(metric)).toArray();
        }
    }

    /** How a method turns a pair into its result. */
    interface Stylize {
        Image apply(Pair pair, long seed, Path runs);
    }

    /**
     * Something that stylises a pair, or says it cannot (a fast model trained on another style).
     *
     * @param origin  what it is, in words, for the table
     * @param lossNet the id of the net whose features it matched, or null for none (so any judge is fair to it)
     */
    record Method(String label, String origin, String lossNet, Predicate<Pair> applies, Stylize stylize) {
    }

    private StyleTransferScoring() {
    }

    /** Reads and fits every content × style pair; the style's judge features are taken once per style. */
    static List<Pair> pairs(CompareConfig.StyleTransfer cfg, StyleJudge judge) {
        Map<String, Image> styles = new LinkedHashMap<>();
        Map<String, List<FeatureMap>> features = new LinkedHashMap<>();
        for (String s : cfg.styles()) {
            Image im = NstImages.fit(ImageFiles.read(file(s)), cfg.size());
            styles.put(s, im);
            features.put(s, judge.features(im));
        }
        List<Pair> out = new ArrayList<>();
        for (String c : cfg.contents()) {
            Image content = NstImages.fit(ImageFiles.read(file(c)), cfg.size());
            for (String s : cfg.styles()) {
                out.add(new Pair(stem(c), stem(s), file(s), content, styles.get(s), features.get(s)));
            }
        }
        return out;
    }

    /**
     * The judge must not be a net a method optimised against: a result is driven to match exactly
     * its loss net's Gram matrices, so scoring under that net would measure the objective, not the
     * style. Throws naming the key when it is.
     */
    static void checkJudge(StyleJudge judge, List<Method> methods) {
        for (Method m : methods) {
            if (judge.id().equals(m.lossNet())) {
                throw new InvalidSettingException("style_transfer.judge", "is " + judge.id() + ", the net that '"
                        + m.label() + "' optimises against; name another, e.g. random:1");
            }
        }
    }

    static Run run(Method m, List<Pair> pairs, StyleJudge judge, long seed, Path runs) {
        List<Pair> done = new ArrayList<>();
        List<Image> results = new ArrayList<>();
        List<StyleScores> scores = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        for (Pair p : pairs) {
            if (!m.applies().test(p)) {
                continue;
            }
            long t = System.nanoTime();
            Image y = m.stylize().apply(p, Seeds.derive(seed, "style-transfer/" + p.key()), runs);
            seconds.add((System.nanoTime() - t) / 1e9);
            done.add(p);
            results.add(y);
            scores.add(judge.score(y, p.contentImage(), p.styleFeatures()));
        }
        return new Run(m.label(), m.origin(), done, results, scores,
                seconds.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The family of tests: each method against the baseline (the first run) on their shared pairs, per metric. */
    static List<CorrectedComparisons.Judged> compare(List<Run> runs, int resamples, long seed) {
        List<CorrectedComparisons.Row> rows = new ArrayList<>();
        Run base = runs.get(0);
        for (Run other : runs.subList(1, runs.size())) {
            List<Integer> inBase = new ArrayList<>();
            List<Integer> inOther = new ArrayList<>();
            for (int j = 0; j < other.pairs().size(); j++) {
                int i = base.pairs().indexOf(other.pairs().get(j));
                if (i >= 0) {
                    inBase.add(i);
                    inOther.add(j);
                }
            }
            if (inBase.isEmpty()) {
                continue;
            }
            for (String metric : StyleScores.METRICS) {
                rows.add(new CorrectedComparisons.Row(base.method() + " → " + other.method(), metric,
                        StyleScores.HIGHER_IS_BETTER.contains(metric), pick(base.values(metric), inBase),
                        pick(other.values(metric), inOther)));
            }
        }
        return CorrectedComparisons.judge(rows, resamples, Seeds.derive(seed, "style-transfer-bootstrap"));
    }

    /** The mean of {@code values} with its percentile-bootstrap 95 % interval over the pairs. */
    static double[] meanWithInterval(double[] values, int resamples, long seed) {
        double mean = java.util.Arrays.stream(values).average().orElse(Double.NaN);
        if (values.length < 2) {
            return new double[] {mean, Double.NaN, Double.NaN};
        }
        Bootstrap.Interval ci = Bootstrap.percentile(Bootstrap.means(values, resamples, seed), 0.95);
        return new double[] {mean, ci.low(), ci.high()};
    }

    private static double[] pick(double[] v, List<Integer> idx) {
        return idx.stream().mapToDouble(i -> v[i]).toArray();
    }

    /** The configured method, or a user error (missing run folder, unreadable VGG file) for 'Not compared'. */
    static Method method(CompareConfig.StyleMethod m, int size) {
        return switch (m.kind()) {
            // the content returned unchanged: perfect content preservation and the style distance of doing nothing
            case "identity" -> new Method(m.label(), "the content image itself (reference)", null, p -> true,
                    (p, seed, runs) -> p.contentImage());
            case "gatys" -> gatys(m, size);
            case "fast" -> fast(m);
            default -> throw new IllegalStateException(m.kind()); // CompareConfig.StyleMethod refuses other kinds
        };
    }

    private static Method gatys(CompareConfig.StyleMethod m, int size) {
        FeatureNet net = FeatureNets.open(m.features());
        NstLossSpec loss = NstLossSpec.defaults();
        if (m.styleWeight() != null) {
            loss = loss.withStyleWeight(m.styleWeight());
        }
        int steps = m.steps() == null ? NstDefaults.STEPS : m.steps();
        NstLossSpec spec = loss;
        String origin = String.format(java.util.Locale.ROOT, "Gatys, %s features, %d Adam steps, style weight %s",
                net.id(), steps, NstDefaults.format(spec.styleWeight()));
        return new Method(m.label(), origin, net.id(), p -> true, (pair, seed, runs) -> {
            GatysRunner.Settings s = new GatysRunner.Settings(net, spec, size, size, steps,
                    Double.parseDouble(NstDefaults.LR), StartImage.CONTENT, false, seed, false);
            String name = CompareReport.slug(m.label() + "-" + pair.content() + "-" + pair.style());
            return new GatysRunner(s, runs, name).run(pair.contentImage(),
                    List.of(new Stylizer.WeightedStyle(pair.styleImage(), 1)), GatysRunner.freshDir(runs, name)).image();
        });
    }

    private static Method fast(CompareConfig.StyleMethod m) {
        Runs.Loaded loaded;
        try {
            loaded = GenerationScoring.load(m.model());
        } catch (InvalidInputException e) {
            if (Files.exists(ProjectRoot.path().resolve(m.model()))) {
                throw e;
            }
            // the usual case, as no fast model is committed: say how to make one
            throw new InvalidInputException("no trained fast model was given: " + m.model() + " is not there (none "
                    + "is committed; train one with 'atelier train configs/fast-nst-starry.yaml' (or -scream) and "
                    + "name its run folder in style_transfer.methods)", e);
        }
        Stylizer stylizer = loaded.stylizer();
        FastNstConfig cfg = ((FastStyleTransfer) stylizer).config();
        // a fast model applies the one style it was trained on; a blend of several matches no configured style
        Path own = cfg.styles().size() == 1 ? FeatureNets.resolve(cfg.styles().get(0)).toAbsolutePath().normalize() : null;
        String net = FeatureNets.open(cfg.features()).id();
        String origin = "fast model " + m.model() + " (" + loaded.checkpoint().getFileName() + "), trained for "
                + String.join(" + ", cfg.styles().stream().map(StyleTransferScoring::stem).toList()) + " with " + net;
        return new Method(m.label(), origin, net, p -> p.styleFile().toAbsolutePath().normalize().equals(own),
                (pair, seed, runs) -> stylizer.stylize(pair.contentImage(), List.of()));
    }

    static Path file(String name) {
        return FeatureNets.resolve(name);
    }

    static String stem(String file) {
        String n = Path.of(file).getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
