package org.atelier.cli.train;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.atelier.core.errors.InvalidInputException;
import org.atelier.core.image.Image;
import org.atelier.core.image.ImageFiles;
import org.atelier.core.image.ImageGrid;
import org.atelier.cli.diffusion.AttributeReadback;
import org.atelier.cli.diffusion.ConditionOptions;
import org.atelier.cli.diffusion.DiffusionSampling;
import org.atelier.cli.diffusion.SamplingFlags;
import org.atelier.models.Sampler;
import org.atelier.models.diffusion.ConditionSpace;
import org.atelier.models.diffusion.DiffusionModel;
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
            "Diffusion runs choose their reverse process: DDPM ancestral or DDIM (any step count, eta), with "
                + "classifier-free guidance for conditional models."})
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
            + "value (Wilson 95 %% interval), and for the others (every attribute of a GAN) the values read.")
    boolean readBack;

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
        if (loaded.model() instanceof DiffusionModel dm) {
            return DiffusionSampling.sample(loaded, dm, n, prompt.resolve(dm, condition), diffusion, seed, out, outDir,
                    readBack);
        }
        if (diffusion.any() || prompt.prompt != null) {
            throw new InvalidInputException("--sampler, --steps, --eta, --guidance, --spacing, --clipped-eps, --prompt "
                    + "and --trajectory are for diffusion runs; " + loaded.dir().root() + " is a "
                    + loaded.config().model().familyId() + " run");
        }
        if (!(loaded.model() instanceof Sampler sampler)) {
            throw new InvalidInputException(loaded.dir().root() + " is a " + loaded.config().model().familyId()
                    + " run: it fills holes (atelier inpaint) and does not draw new images");
        }
        if (readBack) {
            AttributeReadback.requireReadable(sampler.channels(), sampler.height(), sampler.width(), loaded.dir().root());
        }
        OptionalInt cls = parseClass(sampler.conditions());
        List<Image> images = sampler.sample(n, cls, new SplittableRandom(seed));
        if (out != null) {
            int columns = (int) Math.ceil(Math.sqrt(n));
            ImageFiles.writePng(ImageGrid.of(images, columns, images.get(0).width() < 64 ? 2 : 1), out);
        }
        if (outDir != null) {
            for (int i = 0; i < images.size(); i++) {
                ImageFiles.writePng(images.get(i), outDir.resolve(String.format("sample-%05d.png", i)));
            }
        }
        System.out.printf("%d samples from %s%s%s%s%n", n, loaded.checkpoint(),
                cls.isPresent() ? " of class " + sampler.conditions().get(cls.getAsInt()) : "",
                out != null ? " -> " + out : "", outDir != null ? " -> " + outDir + "/" : "");
        if (readBack) {
            ConditionSpace every = AttributeReadback.everyHead();
            AttributeReadback.report(every, every.nullCondition(), images).forEach(System.out::println);
        }
        return 0;
    }

    private OptionalInt parseClass(List<String> classes) {
        if (condition == null) {
            return OptionalInt.empty();
        }
        if (classes.isEmpty()) {
            throw new InvalidInputException("--class: this run's model is unconditional; it takes no class");
        }
        for (int i = 0; i < classes.size(); i++) {
            if (classes.get(i).equalsIgnoreCase(condition)) {
                return OptionalInt.of(i);
            }
        }
        try {
            int k = Integer.parseInt(condition);
            if (k >= 0 && k < classes.size()) {
                return OptionalInt.of(k);
            }
        } catch (NumberFormatException ignored) {
            // not a number: reported below with the class list
        }
        throw new InvalidInputException("--class " + condition + ": expected 0.." + (classes.size() - 1)
                + " or one of " + classes);
    }
}
