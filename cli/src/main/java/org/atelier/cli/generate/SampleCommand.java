package org.atelier.cli.generate;

import java.util.Map;
import java.util.LinkedHashMap;
import org.atelier.core.io.Json;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.evaluation.audit.AttributeReadback;
import org.atelier.evaluation.audit.ClassReadback;
import org.atelier.evaluation.audit.ReadbackAgainstTraining;
import org.atelier.models.Sampler;
import org.atelier.models.features.FmnistV1;
import org.atelier.models.features.PortraitsV1;
import org.atelier.models.sampling.SampleRequest;
import org.atelier.models.sampling.Samples;
import org.atelier.models.sampling.Sampling;
import org.atelier.training.Progress;
import org.atelier.training.Runs;
import org.atelier.training.publish.ModelSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code atelier sample RUN --n 64 [--class K] --out grid.png [--out-dir DIR]}; diffusion runs also take
 * {@code --sampler ddpm|ddim --steps N --eta E --guidance S --prompt "…" --trajectory PNG}.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Draw images from a trained run (its EMA weights at the newest checkpoint) or a published "
                + "model (atelier export) into a grid PNG and/or one PNG per image.",
            "Diffusion runs choose their reverse process: DDPM ancestral, DDIM (any step count, eta), "
                + "DPM-Solver++(2M), Euler or Euler ancestral, with classifier-free guidance for conditional models; "
                + "docs/diffusion.md says which to use."})
public final class SampleCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN", description = "A run folder (runs/<name>) or one of its checkpoint "
            + "files, a published model folder (atelier export), or a published model's name in weights/ "
            + "(e.g. ddpm-cond-fashion).")
    Path run;

    @Option(names = "--n", defaultValue = "64", description = "How many images, 1..10000 (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--class", paramLabel = "K",
            description = "Conditional models: class index or name (e.g. 7 or Sneaker); default: every class.")
    String condition;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the noise (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "PNG", description = "Grid of all images.")
    Path out;

    @Option(names = "--out-dir", paramLabel = "DIR",
            description = "Also write every image as DIR/sample-00000.png, … (for scoring by other tools).")
    Path outDir;

    @Option(names = "--read-back", description = "32x32 RGB portrait models: read every sample back with the "
            + "portraits-v1 classifier and print, per attribute the prompt named, how many samples show the asked "
            + "value (Wilson 95 %% interval), and for the others (every attribute of a GAN) the shares read against "
            + "the shares of the model's training set, with the amplification factor (read / training share). "
            + "Class-conditional Fashion-MNIST models: how many samples fmnist-v1's classifier reads as the class "
            + "they were drawn under, overall and per class (Wilson 95 %% interval).")
    boolean readBack;

    @Option(names = "--json", description = "Print what was drawn (and the read-back table) as JSON.")
    boolean json;

    @Option(names = "--no-progress", description = "Diffusion runs: no progress bar (there is none when the output "
            + "is not a terminal).")
    boolean noProgress;

    @Mixin
    SamplingFlags diffusion = new SamplingFlags();

    @Mixin
    ConditionOptions prompt = new ConditionOptions();

    @Override
    public Integer call() {
        if (out == null && outDir == null) {
            throw new InvalidInputException("give --out PNG and/or --out-dir DIR");
        }
        if (n < 1 || n > 10_000) {
            throw new InvalidInputException("--n must be in 1..10000, got " + n);
        }
        Runs.Loaded loaded = ModelSources.load(run);
        Sampler sampler = loaded.sampler();
        DiffusionOnly.refuseUnless(Sampling.takesSettings(sampler), diffusion.any() || prompt.prompt != null,
                "--sampler, --steps, --eta, --guidance, --spacing, --clipped-eps, --prompt and --trajectory", loaded);
        boolean classes = readBack && ClassReadback.applies(sampler);
        if (classes && condition == null && !Sampling.takesSettings(sampler)) {
            // a conditional GAN asked for no class draws classes at random and cannot say which
            throw new InvalidInputException("--read-back of " + loaded.dir().root() + " needs --class K: without it "
                    + "the GAN draws its classes at random");
        }
        if (readBack && !classes) {
            AttributeReadback.requireReadable(sampler.channels(), sampler.height(), sampler.width(), loaded.dir().root());
        }
        Samples s;
        try (Progress bar = Progress.create(!noProgress, "sampling", 1, 0)) {
            s = Sampling.draw(sampler, new SampleRequest(n, condition, prompt.prompt, diffusion.overrides(), seed,
                    diffusion.trajectory != null), bar::stepTo);
        }
        ImageOutputs.write(s.images(), s.columns(), out, outDir, "sample", s.caption(run.getFileName().toString(), seed));
        ImageOutputs.writeTrajectory(s.trajectory(), diffusion.trajectory);
        ClassReadback readClasses = classes ? ClassReadback.of(s, sampler.conditions(), FmnistV1.load()) : null;
        AttributeReadback.Result read = readBack && !classes ? AttributeReadback.of(s, PortraitsV1.load()) : null;
        ReadbackAgainstTraining vsTraining = read == null ? null : ReadbackAgainstTraining.of(read, loaded.trainingSet());
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", loaded.checkpoint().toString());
            m.put("n", n);
            m.put("seed", seed);
            m.put("drawn", s.drawn());
            if (s.diffusion()) {
                m.put("sampler", s.options().sampler().id());
                m.put("steps", s.options().steps());
                m.put("eta", s.options().sampler().id().equals("ddim") ? s.options().eta() : null);
                m.put("guidance", s.space().isEmpty() ? null : s.options().guidance());
            }
            m.put("seconds", s.seconds());
            m.put("out", out == null ? null : out.toString());
            m.put("out_dir", outDir == null ? null : outDir.toString());
            m.put("read_back", read == null ? null : read.toJson());
            m.put("class_read_back", readClasses == null ? null : readClasses.toJson());
            m.put("read_back_vs_training", vsTraining == null ? null : vsTraining.toJson());
            System.out.println(Json.pretty(m));
            return 0;
        }
        if (s.diffusion()) {
            System.out.printf("%d samples (%s) from %s: %s, %d steps%s, guidance %s; %.1f s (%.3f s per image)%s%n", n,
                    s.drawn(), loaded.checkpoint(), s.options().sampler().id(), s.options().steps(),
                    s.options().sampler().id().equals("ddim") ? ", eta " + s.options().eta() : "",
                    s.space().isEmpty() ? "n/a" : String.valueOf(s.options().guidance()), s.seconds(),
                    s.seconds() / n, ImageOutputs.arrows(out, outDir));
        } else {
            System.out.printf("%d samples from %s%s%s%n", n, loaded.checkpoint(),
                    s.classAsked() != null ? " of class " + s.classAsked() : "", ImageOutputs.arrows(out, outDir));
        }
        if (readClasses != null) {
            System.out.println("read back by " + FmnistV1.ID + "'s classifier:");
            readClasses.lines().forEach(System.out::println);
        }
        if (read != null) {
            System.out.println("read back by " + PortraitsV1.ID + ":");
            read.lines().forEach(System.out::println);
            vsTraining.lines().forEach(System.out::println);
        }
        return 0;
    }
}
