package org.atelier.experiments.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.atelier.core.config.ConfigLoader;
import org.atelier.datasets.ProjectRoot;

/**
 * What {@code atelier audit CONFIG.yaml} audits ({@code configs/audit-portraits.yaml}).
 *
 * @param seed        seed of every random draw (samples, classifier, bootstrap)
 * @param out         report folder, relative to the project root unless absolute
 * @param attribute   the attribute audited, e.g. {@code skin_group}
 * @param trainingSet the dataset whose shares are audited first, as a catalogue name
 *                    ({@code portraits-32?skin_group=light:0.8,medium:0.1,dark:0.1&n=2000&seed=7});
 *                    null: the first generator's own training set, as its config names it
 * @param classifier  where the attribute classifier learns
 * @param generators  the generators audited, each against its own training set
 * @param sampling    how every generator is sampled
 * @param bootstrap   resamples of every bootstrap interval
 * @param perSlice    faces per slice in the sample grids
 * @param quality     quality per slice (distribution and inpainting); null leaves it out
 */
public record AuditConfig(long seed, String out, String attribute, String trainingSet, Classifier classifier,
                          List<Generator> generators, Sampling sampling, int bootstrap, int perSlice, Quality quality) {
    public static AuditConfig load(Path file, List<String> overrides) {
        return ConfigLoader.load(file, AuditConfig.class, overrides);
    }

    public Path outDir() {
        return ProjectRoot.path().resolve(out);
    }

    public AuditConfig {
        require(out != null && !out.isBlank(), "out: a report folder is needed");
        require(attribute != null && !attribute.isBlank(), "attribute: the attribute to audit is needed, e.g. skin_group");
        require(generators != null, "generators: a list is needed (it may be empty)");
        require(trainingSet != null || !generators.isEmpty(), "training_set: a dataset name is needed when no generator "
                + "brings its own");
        require(classifier != null, "classifier: section missing");
        require(sampling != null, "sampling: section missing");
        require(bootstrap >= 100, "bootstrap must be at least 100, got " + bootstrap);
        require(perSlice >= 0 && perSlice <= 32, "per_slice must be in 0..32, got " + perSlice);
        generators = List.copyOf(generators);
    }

    /**
     * @param labelled real labelled images as a catalogue name; the first {@code train} teach the
     *                 classifier, the next {@code heldOut} evaluate it and estimate its confusion
     */
    public record Classifier(String labelled, int train, int heldOut) {
        public Classifier {
            require(labelled != null, "classifier.labelled: a dataset name is needed");
            require(train >= 10, "classifier.train must be at least 10, got " + train);
            require(heldOut >= 10, "classifier.held_out must be at least 10, got " + heldOut);
        }
    }

    /**
     * One generator.
     *
     * @param name        a short name for the report
     * @param model       a published model's name, a published folder or a run folder
     * @param trainingSet the data it was trained on (or stands in for), as a catalogue name; null:
     *                    the data its own config names (a GAN or DDPM run or published folder)
     * @param steer       attribute value → share: each sample is asked for one value drawn at these
     *                    shares (other attributes open); empty samples unconditionally
     * @param note        what this generator is, in a sentence, shown in the report
     * @param samples     samples drawn from this generator; null: {@code sampling.samples} (a GAN
     *                    draws thousands in seconds, a diffusion model tens)
     */
    public record Generator(String name, String model, String trainingSet, Map<String, Double> steer, String note,
                            Integer samples) {
        public Generator {
            require(name != null && !name.isBlank(), "generators[].name is needed");
            require(model != null, "generators[].model is needed");
            require(samples == null || samples >= 10, "generators[" + name + "].samples must be at least 10, got "
                    + samples);
            steer = steer == null ? Map.of() : Map.copyOf(steer);
            note = note == null ? "" : note;
        }
    }

    /**
     * How each generator is sampled (diffusion settings are ignored by one-pass generators).
     *
     * @param samples  samples drawn per generator
     * @param sampler  ddpm (ancestral) or ddim
     * @param steps    reverse steps
     * @param guidance classifier-free guidance scale when steered
     */
    public record Sampling(int samples, String sampler, int steps, double guidance) {
        public Sampling {
            require(samples >= 10, "sampling.samples must be at least 10, got " + samples);
            require("ddpm".equals(sampler) || "ddim".equals(sampler), "sampling.sampler must be ddpm or ddim, got " + sampler);
            require(steps >= 1 && steps <= 1000, "sampling.steps must be in 1..1000, got " + steps);
            require(guidance >= 0, "sampling.guidance must be >= 0, got " + guidance);
        }
    }

    /**
     * Quality per slice.
     *
     * @param realPerSlice  real images per slice (from each generator's training set) that its
     *                      samples of the slice are compared with, and real images of the overall row
     * @param minSize       generated samples a slice needs to be estimated; fewer: "too small"
     * @param kidSubsets    KID's subsets per value
     * @param resamples     bootstrap replicates of KID's interval (FID's and the fidelity frames use
     *                      {@code fid_resamples} and {@code bootstrap})
     * @param fidResamples  bootstrap replicates of FID's interval; 0 leaves FID out
     * @param inpainting    inpainting fidelity on the hole per slice; null leaves it out
     */
    public record Quality(int realPerSlice, int minSize, int kidSubsets, int resamples, int fidResamples,
                          Inpainting inpainting) {
        public Quality {
            require(realPerSlice >= 10, "quality.real_per_slice must be at least 10, got " + realPerSlice);
            require(minSize >= 2, "quality.min_size must be at least 2, got " + minSize);
            require(kidSubsets >= 1, "quality.kid_subsets must be at least 1, got " + kidSubsets);
            require(resamples >= 20, "quality.resamples must be at least 20, got " + resamples);
            require(fidResamples == 0 || fidResamples >= 20, "quality.fid_resamples must be 0 or at least 20, got "
                    + fidResamples);
        }

        /** What {@code atelier audit generator} uses: 200 real per slice, min 10, 100 subsets, 500 and 100 resamples. */
        public static Quality defaults() {
            return new Quality(200, 10, 100, 500, 100, null);
        }
    }

    /**
     * Inpainting fidelity on the hole per slice: one inpainter fills the same seeded holes in
     * {@code n} images of a labelled dataset ({@code atelier inpaint-eval}'s benchmark).
     *
     * @param model       an inpainter (a ddpm or gan-inpaint run, a published folder or name)
     * @param dataset     the images, as a catalogue name with the audited attribute
     * @param n           images, spread evenly over the dataset
     * @param maskKind    mask kind (atelier masks list)
     * @param steps       RePaint steps (diffusion models only)
     * @param jumpLength  RePaint jump length
     * @param jumpCount   RePaint jump count (1: no resampling)
     * @param band        seam band width in pixels
     * @param note        what the comparison leaves out, in a sentence, shown in the report
     */
    public record Inpainting(String model, String dataset, int n, String maskKind, int steps, int jumpLength,
                             int jumpCount, int band, String note) {
        public Inpainting {
            require(model != null, "quality.inpainting.model is needed");
            require(dataset != null, "quality.inpainting.dataset is needed");
            require(n >= 10 && n <= 10_000, "quality.inpainting.n must be in 10..10000, got " + n);
            require(maskKind != null, "quality.inpainting.mask_kind is needed");
            require(steps >= 1 && jumpLength >= 1 && jumpCount >= 1, "quality.inpainting.steps, jump_length and "
                    + "jump_count must be at least 1");
            require(band >= 0, "quality.inpainting.band must be >= 0, got " + band);
            note = note == null ? "" : note;
        }
    }

    /** The sampling settings with another sample count. */
    Sampling samplingFor(Generator g) {
        return g.samples() == null ? sampling : new Sampling(g.samples(), sampling.sampler(), sampling.steps(),
                sampling.guidance());
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
