package org.atelier.experiments.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.atelier.core.errors.ConfigException;
import org.atelier.core.image.Image;
import org.atelier.core.random.Seeds;
import org.atelier.datasets.ProjectRoot;
import org.atelier.models.diffusion.Condition;
import org.atelier.models.diffusion.ConditionSlot;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.models.diffusion.SamplingOptions;
import org.atelier.models.diffusion.TrajectoryRecorder;
import org.atelier.models.sampling.SampleRequest;
import org.atelier.models.sampling.Sampling;
import org.atelier.training.Runs;
import org.atelier.training.publish.ModelSources;

/**
 * The samples an audit reads: {@code n} images of a generator, unconditional, or (steered) each
 * asked for one value of the audited attribute drawn at the configured shares, its other
 * attributes left open. Every draw comes from the run's seed and the generator's name.
 */
final class GeneratorSamples {
    /**
     * @param images  the samples, in the order drawn
     * @param asked   per sample, the value it was asked for (null when unconditional)
     * @param seconds wall time of the sampling
     */
    record Drawn(List<Image> images, List<String> asked, double seconds) {
    }

    private GeneratorSamples() {
    }

    /** Loads a published model's name, a published folder or a run folder. */
    static Runs.Loaded load(String model) {
        Path asPath = ProjectRoot.path().resolve(model);
        return ModelSources.load(Files.exists(asPath) ? asPath : Path.of(model));
    }

    static Drawn draw(Runs.Loaded loaded, AuditConfig.Generator g, AuditConfig.Sampling how, String attribute, long runSeed) {
        long seed = Seeds.derive(runSeed, "audit/generator/" + g.name());
        long t0 = System.nanoTime();
        if (!(loaded.model() instanceof DiffusionModel model)) {
            if (!g.steer().isEmpty()) {
                throw notSteerable(loaded, g, attribute);
            }
            // a one-pass generator (a GAN): the sampler, settings are for diffusion models only
            List<Image> images = Sampling.draw(loaded.sampler(), SampleRequest.of(how.samples(), seed)).images();
            return new Drawn(images, java.util.Collections.nCopies(images.size(), null), seconds(t0));
        }
        List<Condition> conditions = new ArrayList<>();
        List<String> asked = new ArrayList<>();
        if (g.steer().isEmpty()) {
            for (int i = 0; i < how.samples(); i++) {
                conditions.add(model.conditionSpace().nullCondition());
                asked.add(null);
            }
        } else {
            steered(model, g, how.samples(), attribute, seed, conditions, asked, loaded);
        }
        // unconditional samples take no guidance: with every token null, the guided and plain predictions coincide
        double guidance = g.steer().isEmpty() ? 1.0 : how.guidance();
        SamplingOptions o = how.sampler().equals("ddpm") ? SamplingOptions.ddpm(how.steps(), guidance)
                : SamplingOptions.ddim(how.steps(), 0.0, guidance);
        List<Image> images = model.generate(conditions, o, new SplittableRandom(seed), TrajectoryRecorder.off());
        return new Drawn(images, asked, seconds(t0));
    }

    /** Each sample asked for one value of {@code attribute}, drawn at the configured shares. */
    private static void steered(DiffusionModel model, AuditConfig.Generator g, int n, String attribute, long seed,
                                List<Condition> conditions, List<String> asked, Runs.Loaded loaded) {
        if (!model.conditionSpace().slotNames().contains(attribute)) {
            throw notSteerable(loaded, g, attribute);
        }
        ConditionSlot s = model.conditionSpace().slots().get(model.conditionSpace().slotIndex(attribute));
        List<String> values = new ArrayList<>(g.steer().keySet());
        values.sort(String::compareTo);
        for (String v : values) {
            if (!s.values().contains(v)) {
                throw new ConfigException("audit config", "generators[" + g.name() + "].steer." + v,
                        "not a value of " + attribute + "; expected one of " + s.values());
            }
        }
        SplittableRandom pick = new SplittableRandom(Seeds.derive(seed, "steer"));
        double total = values.stream().mapToDouble(g.steer()::get).sum();
        for (int i = 0; i < n; i++) {
            String v = choose(values, g.steer(), total, pick.nextDouble());
            asked.add(v);
            conditions.add(model.conditionSpace().of(Map.of(attribute, v)));
        }
    }

    private static ConfigException notSteerable(Runs.Loaded loaded, AuditConfig.Generator g, String attribute) {
        return new ConfigException("audit config", "generators[" + g.name() + "].steer", loaded.dir().root()
                + " cannot be asked for " + attribute + " (it is not an attribute-conditional diffusion model with that "
                + "attribute); leave steer empty to sample it unconditionally");
    }

    private static String choose(List<String> values, Map<String, Double> shares, double total, double u) {
        double cumulative = 0;
        for (String v : values) {
            cumulative += shares.get(v) / total;
            if (u < cumulative) {
                return v;
            }
        }
        return values.get(values.size() - 1);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
