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
 *                    ({@code portraits-32?skin_group=light:0.8,medium:0.1,dark:0.1&n=2000&seed=7})
 * @param classifier  where the attribute classifier learns
 * @param generators  the generators audited, each against its own training set
 * @param sampling    how every generator is sampled
 * @param bootstrap   resamples of every bootstrap interval
 * @param perSlice    faces per slice in the sample grids
 */
public record AuditConfig(long seed, String out, String attribute, String trainingSet, Classifier classifier,
                          List<Generator> generators, Sampling sampling, int bootstrap, int perSlice) {
    public static AuditConfig load(Path file, List<String> overrides) {
        return ConfigLoader.load(file, AuditConfig.class, overrides);
    }

    public Path outDir() {
        return ProjectRoot.path().resolve(out);
    }

    public AuditConfig {
        require(out != null && !out.isBlank(), "out: a report folder is needed");
        require(attribute != null && !attribute.isBlank(), "attribute: the attribute to audit is needed, e.g. skin_group");
        require(trainingSet != null, "training_set: a dataset name is needed");
        require(classifier != null, "classifier: section missing");
        require(generators != null, "generators: a list is needed (it may be empty)");
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
     * @param trainingSet the data it was trained on (or stands in for), as a catalogue name
     * @param steer       attribute value → share: each sample is asked for one value drawn at these
     *                    shares (other attributes open); empty samples unconditionally
     * @param note        what this generator is, in a sentence, shown in the report
     */
    public record Generator(String name, String model, String trainingSet, Map<String, Double> steer, String note) {
        public Generator {
            require(name != null && !name.isBlank(), "generators[].name is needed");
            require(model != null, "generators[].model is needed");
            require(trainingSet != null, "generators[].training_set is needed");
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

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
