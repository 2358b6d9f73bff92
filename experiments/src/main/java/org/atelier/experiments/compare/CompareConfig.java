package org.atelier.experiments.compare;

import java.nio.file.Path;
import java.util.List;
import org.atelier.core.config.ConfigLoader;
import org.atelier.datasets.ProjectRoot;

/**
 * What {@code atelier compare} runs ({@code configs/compare-fashion.yaml}): the models, the
 * protocol, and what {@code --quick} shrinks. Every model sees the same N, seeds, reference,
 * images and holes.
 *
 * @param name       report name; the report goes to {@code out}
 * @param seed       seed of every random draw (samples, masks, bootstrap)
 * @param out        report folder, relative to the project root unless absolute
 * @param generation the generation protocol and models
 * @param inpainting the inpainting protocol and methods
 * @param styleTransfer the style-transfer protocol and methods, or null for none
 * @param quick      what {@code --quick} changes
 */
public record CompareConfig(String name, long seed, String out, Generation generation, Inpainting inpainting,
                            StyleTransfer styleTransfer, Quick quick) {
    public CompareConfig {
        require(name != null && !name.isBlank(), "name: a report name is needed");
        require(out != null && !out.isBlank(), "out: a report folder is needed");
        require(generation != null, "generation: section missing");
        require(inpainting != null, "inpainting: section missing");
        require(quick != null, "quick: section missing");
    }

    public static CompareConfig load(Path file, List<String> overrides) {
        return ConfigLoader.load(file, CompareConfig.class, overrides);
    }

    public Path outDir() {
        return ProjectRoot.path().resolve(out);
    }

    /** This config as {@code --quick} runs it: fewer samples, images, steps and mask kinds; report in {@code out-quick}. */
    public CompareConfig quickened() {
        Generation g = new Generation(quick.generationN(), generation.fidResamples(), generation.models().stream()
                .map(m -> m.withSteps(quick.steps())).toList());
        Inpainting i = new Inpainting(inpainting.dataset(), quick.inpaintingN(), inpainting.band(), inpainting.feather(),
                inpainting.resamples(), quick.maskKinds(), inpainting.methods().stream()
                .map(m -> m.withSteps(quick.steps())).toList());
        StyleTransfer st = styleTransfer == null ? null : styleTransfer.quickened(quick);
        return new CompareConfig(name + "-quick", seed, out + "-quick", g, i, st, quick);
    }

    /** The same comparison written to another folder. */
    public CompareConfig writingTo(String folder) {
        return new CompareConfig(name, seed, folder, generation, inpainting, styleTransfer, quick);
    }

    /**
     * @param n            samples per model, 2..50000 (the same for every model)
     * @param fidResamples bootstrap replicates of FID's interval, 20..2000
     * @param models       what to sample from
     */
    public record Generation(int n, int fidResamples, List<Model> models) {
        public Generation {
            models = List.copyOf(models);
            require(n >= 2 && n <= 50_000, "generation.n must be in 2..50000, got " + n);
            require(fidResamples >= 20 && fidResamples <= 2000, "generation.fid_resamples must be in 20..2000, got "
                    + fidResamples);
            require(!models.isEmpty(), "generation.models: at least one model");
        }
    }

    /**
     * @param label    how the report names it, e.g. {@code DDPM-cond DDIM-50 w=3}
     * @param model    a published folder ({@code weights/ddpm-cond-fashion}) or a run folder
     * @param sampler  diffusion models: {@code ddim} or {@code ddpm}; null for one-pass samplers
     * @param steps    diffusion models: reverse steps; null for the default
     * @param guidance diffusion models: classifier-free guidance scale; null for the default
     */
    public record Model(String label, String model, String sampler, Integer steps, Double guidance) {
        public Model {
            require(label != null && !label.isBlank(), "generation.models[].label is needed");
            require(model != null && !model.isBlank(), "generation.models[].model is needed (" + label + ")");
        }

        Model withSteps(Integer s) {
            return sampler == null || s == null ? this : new Model(label, model, sampler, s, guidance);
        }
    }

    /**
     * @param dataset   images to hole and fill, e.g. {@code fashion-mnist:test}
     * @param n         images per mask kind, 1..10000 (the same images for every method)
     * @param band      seam band in pixels
     * @param feather   σ of the feathered blending scored beside each plain fill, in pixels (0 for none)
     * @param resamples bootstrap resamples of the paired differences, 100..100000
     * @param maskKinds mask specs as {@code atelier masks list} documents them
     * @param methods   the inpainters; the first is the baseline the others are compared with
     */
    public record Inpainting(String dataset, int n, int band, double feather, int resamples, List<String> maskKinds,
                             List<Method> methods) {
        public Inpainting {
            maskKinds = List.copyOf(maskKinds);
            methods = List.copyOf(methods);
            require(n >= 1 && n <= 10_000, "inpainting.n must be in 1..10000, got " + n);
            require(band >= 1 && band <= 16, "inpainting.band must be in 1..16, got " + band);
            require(feather >= 0 && feather <= 8, "inpainting.feather must be in 0..8 pixels, got " + feather);
            require(resamples >= 100 && resamples <= 100_000, "inpainting.resamples must be in 100..100000, got "
                    + resamples);
            require(!maskKinds.isEmpty(), "inpainting.mask_kinds: at least one kind");
            require(!methods.isEmpty(), "inpainting.methods: at least one method");
        }
    }

    /**
     * @param label      how the report names it
     * @param model      a published folder or run folder holding an inpainter (gan-inpaint or ddpm)
     * @param useClass   RePaint conditioned on each image's own class (an oracle the plain task does not have)
     * @param steps      RePaint steps; null for the default
     * @param jumpLength RePaint jump length; null for the default
     * @param jumpCount  RePaint jumps; null for the default
     */
    public record Method(String label, String model, boolean useClass, Integer steps, Integer jumpLength,
                         Integer jumpCount) {
        public Method {
            require(label != null && !label.isBlank(), "inpainting.methods[].label is needed");
            require(model != null && !model.isBlank(), "inpainting.methods[].model is needed (" + label + ")");
        }

        Method withSteps(Integer s) {
            return s == null ? this : new Method(label, model, useClass, s, jumpLength, jumpCount);
        }
    }

    /**
     * Every method stylises every content with every style it can apply (a fast model only its own
     * style), at one size, and is scored under a judge net none of them optimised against.
     *
     * @param contents  content image files, relative to the project root unless absolute
     * @param styles    style image files, likewise
     * @param size      longer side of the contents and styles as the methods receive them, 16..1024
     * @param judge     the feature net that scores ({@code random:SEED} or a VGG {@code .npz}); it must differ from
     *                  every method's own net
     * @param resamples bootstrap resamples of the intervals, 100..100000
     * @param methods   the stylizers; the first is the baseline the others are compared with
     */
    public record StyleTransfer(List<String> contents, List<String> styles, int size, String judge, int resamples,
                                List<StyleMethod> methods) {
        public StyleTransfer {
            require(contents != null && !contents.isEmpty(), "style_transfer.contents: at least one content image");
            require(styles != null && !styles.isEmpty(), "style_transfer.styles: at least one style image");
            require(methods != null && !methods.isEmpty(), "style_transfer.methods: at least one method");
            contents = List.copyOf(contents);
            styles = List.copyOf(styles);
            methods = List.copyOf(methods);
            require(size >= 16 && size <= 1024, "style_transfer.size must be in 16..1024, got " + size);
            require(judge != null && !judge.isBlank(), "style_transfer.judge: a feature net is needed, e.g. random:1");
            require(resamples >= 100 && resamples <= 100_000, "style_transfer.resamples must be in 100..100000, got "
                    + resamples);
        }

        StyleTransfer quickened(Quick q) {
            int k = q.styleImages() == null ? Integer.MAX_VALUE : q.styleImages();
            return new StyleTransfer(contents.subList(0, Math.min(k, contents.size())),
                    styles.subList(0, Math.min(k, styles.size())), q.styleSize() == null ? size : q.styleSize(), judge,
                    resamples, methods.stream().map(m -> m.withSteps(q.styleSteps())).toList());
        }
    }

    /**
     * @param label       how the report names it
     * @param kind        {@code gatys} (optimisation), {@code fast} (a trained feed-forward run) or {@code identity}
     *                    (the content returned unchanged: the reference for perfect content and no style)
     * @param features    gatys: its loss network ({@code random}, {@code random:SEED} or a VGG {@code .npz}); default random
     * @param steps       gatys: Adam steps; null for the default
     * @param styleWeight gatys: β; null for the default
     * @param model       fast: the run or published folder
     */
    public record StyleMethod(String label, String kind, String features, Integer steps, Double styleWeight,
                              String model) {
        public static final java.util.Set<String> KINDS = java.util.Set.of("gatys", "fast", "identity");

        public StyleMethod {
            require(label != null && !label.isBlank(), "style_transfer.methods[].label is needed");
            require(KINDS.contains(kind), "style_transfer.methods[].kind must be gatys, fast or identity, got '" + kind
                    + "' (" + label + ")");
            require(!"fast".equals(kind) || (model != null && !model.isBlank()),
                    "style_transfer.methods[].model is needed for a fast method (" + label + ")");
            require(steps == null || steps >= 1, "style_transfer.methods[].steps must be >= 1 (" + label + ")");
        }

        StyleMethod withSteps(Integer s) {
            return s == null || !"gatys".equals(kind) ? this
                    : new StyleMethod(label, kind, features, s, styleWeight, model);
        }
    }

    /**
     * @param generationN samples per model under --quick
     * @param inpaintingN images per mask kind under --quick
     * @param steps       reverse / RePaint steps under --quick (null: as configured)
     * @param maskKinds   mask kinds under --quick
     * @param styleImages style transfer under --quick: the first this many contents and styles (null: all)
     * @param styleSize   style transfer under --quick: the images' longer side (null: as configured)
     * @param styleSteps  style transfer under --quick: the optimiser's steps (null: as configured)
     */
    public record Quick(int generationN, int inpaintingN, Integer steps, List<String> maskKinds, Integer styleImages,
                        Integer styleSize, Integer styleSteps) {
        public Quick {
            maskKinds = List.copyOf(maskKinds);
            require(styleImages == null || styleImages >= 1, "quick.style_images must be >= 1, got " + styleImages);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message); // ConfigLoader names the file and key
        }
    }
}
