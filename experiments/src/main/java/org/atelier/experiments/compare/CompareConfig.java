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
 * @param quick      what {@code --quick} changes
 */
public record CompareConfig(String name, long seed, String out, Generation generation, Inpainting inpainting,
                            Quick quick) {
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
        return new CompareConfig(name + "-quick", seed, out + "-quick", g, i, quick);
    }

    /** The same comparison written to another folder. */
    public CompareConfig writingTo(String folder) {
        return new CompareConfig(name, seed, folder, generation, inpainting, quick);
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
     * @param generationN samples per model under --quick
     * @param inpaintingN images per mask kind under --quick
     * @param steps       reverse / RePaint steps under --quick (null: as configured)
     * @param maskKinds   mask kinds under --quick
     */
    public record Quick(int generationN, int inpaintingN, Integer steps, List<String> maskKinds) {
        public Quick {
            maskKinds = List.copyOf(maskKinds);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message); // ConfigLoader names the file and key
        }
    }
}
