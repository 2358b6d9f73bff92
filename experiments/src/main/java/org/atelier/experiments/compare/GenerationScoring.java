package org.atelier.experiments.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.atelier.core.image.Image;
import org.atelier.core.random.Seeds;
import org.atelier.datasets.DatasetCatalog;
import org.atelier.datasets.ImageDataset;
import org.atelier.datasets.ProjectRoot;
import org.atelier.evaluation.audit.ClassReadback;
import org.atelier.evaluation.distribution.DistributionEvaluation;
import org.atelier.evaluation.distribution.DistributionInput;
import org.atelier.evaluation.distribution.DistributionOptions;
import org.atelier.evaluation.distribution.DistributionResult;
import org.atelier.evaluation.distribution.KernelInceptionDistance;
import org.atelier.evaluation.distribution.KidBootstrap;
import org.atelier.evaluation.distribution.MemoryFeatureSource;
import org.atelier.evaluation.distribution.PrecisionRecallDensityCoverage;
import org.atelier.evaluation.distribution.ReferenceStatistics;
import org.atelier.models.Sampler;
import org.atelier.models.diffusion.ConditioningKind;
import org.atelier.models.diffusion.DiffusionModel;
import org.atelier.models.diffusion.SamplerKind;
import org.atelier.models.diffusion.SamplingOverrides;
import org.atelier.models.features.FmnistV1;
import org.atelier.models.sampling.SampleRequest;
import org.atelier.models.sampling.Samples;
import org.atelier.models.sampling.Sampling;
import org.atelier.training.Runs;
import org.atelier.training.publish.ModelCard;
import org.atelier.training.publish.ModelSources;
import org.atelier.training.publish.PublishedModel;

/**
 * Draws N samples from each model with the same seeds and scores them the same way: FID with its
 * bootstrap interval and FID∞ against the committed statistics of the whole Fashion-MNIST test
 * split; KID and PRDC against N test images spread evenly over the split (KID and PRDC need the
 * vectors, and N against N is how PRDC is defined); and, for class-conditional models, the share
 * of samples the extractor's classifier reads as the asked class.
 */
public final class GenerationScoring {
    /** Samples drawn per call: a multiple of the 10 classes, so classes asked in turn stay balanced. */
    static final int CHUNK = 50;

    private final FmnistV1 extractor;
    private final DistributionInput.Reference reference;
    private final MemoryFeatureSource referenceSubset;
    private final DistributionEvaluation.ExtractorInfo info;
    private final int n;
    private final int fidResamples;
    private final long seed;

    public GenerationScoring(FmnistV1 extractor, int n, int fidResamples, long seed) {
        this.extractor = extractor;
        this.n = n;
        this.fidResamples = fidResamples;
        this.seed = seed;
        this.reference = ReferenceStatistics.load(ReferenceStatistics.FASHION_MNIST_TEST, FmnistV1.ID, () -> extractor);
        ImageDataset test = DatasetCatalog.open("fashion-mnist:test", FmnistV1.INPUT.height());
        List<Image> images = new ArrayList<>();
        for (int i = 0; i < Math.min(n, test.size()); i++) {
            images.add(test.get((int) ((long) i * test.size() / Math.min(n, test.size()))).image());
        }
        this.referenceSubset = new MemoryFeatureSource(features(images), images.size()
                + " Fashion-MNIST test images spread evenly over the split");
        this.info = new DistributionEvaluation.ExtractorInfo(extractor.id(), extractor.weightsSha256(),
                extractor.input().describe());
    }

    private GenerationScoring(GenerationScoring other, long seed) {
        this.extractor = other.extractor;
        this.reference = other.reference;
        this.referenceSubset = other.referenceSubset;
        this.info = other.info;
        this.n = other.n;
        this.fidResamples = other.fidResamples;
        this.seed = seed;
    }

    /** The same protocol and reference features with another seed for the samples, FID's bootstrap and KID. */
    public GenerationScoring seeded(long otherSeed) {
        return new GenerationScoring(this, otherSeed);
    }

    /** A model the config names: a folder relative to the project root, else a path or a published name. */
    public static Runs.Loaded load(String model) {
        Path asPath = ProjectRoot.path().resolve(model);
        return ModelSources.load(Files.exists(asPath) ? asPath : Path.of(model));
    }

    public ModelScores score(CompareConfig.Model m, Runs.Loaded loaded) {
        Sampler sampler = loaded.sampler();
        boolean diffusion = Sampling.takesSettings(sampler);
        boolean classDiffusion = diffusion && ((DiffusionModel) sampler).config().conditioning() == ConditioningKind.CLASS;
        boolean classGan = !diffusion && !sampler.conditions().isEmpty();
        SamplingOverrides overrides = !diffusion ? SamplingOverrides.NONE
                : new SamplingOverrides(m.sampler() == null ? null : SamplerKind.parse(m.sampler()), m.steps(), null,
                m.guidance(), null, null);
        List<Image> images = new ArrayList<>(n);
        int[] asked = new int[n];
        double seconds = 0;
        String drawn = "one pass";
        for (int from = 0, chunk = 0; from < n; from += CHUNK, chunk++) {
            int k = Math.min(CHUNK, n - from);
            if (classGan) {
                seconds += drawClassesInTurn(sampler, from, k, chunk, images, asked);
                continue;
            }
            Samples s = Sampling.draw(sampler, SampleRequest.of(k, Seeds.derive(seed, "generate/" + chunk))
                    .withSampling(overrides));
            seconds += s.seconds();
            for (int i = 0; i < k; i++) {
                images.add(asPng(s.images().get(i)));
            }
            if (classDiffusion) {
                System.arraycopy(s.askedClasses(sampler.conditions()), 0, asked, from, k);
            }
            if (s.diffusion()) {
                drawn = String.format(Locale.ROOT, "%s-%d, guidance %s", s.options().sampler().id().toUpperCase(Locale.ROOT),
                        s.options().steps(), s.options().guidance());
            }
        }
        float[][] feats = features(images);
        MemoryFeatureSource generated = new MemoryFeatureSource(feats, n + " samples of " + m.label());
        DistributionResult fid = DistributionEvaluation.run(new DistributionInput.Features(generated), reference,
                new DistributionOptions(true, true, false, 1, 2, false, 1, fidResamples, seed), info);
        DistributionResult kidPrdc = DistributionEvaluation.run(new DistributionInput.Features(generated),
                new DistributionInput.Features(referenceSubset), new DistributionOptions(false, false, true,
                        KernelInceptionDistance.DEFAULT_SUBSETS, Math.min(KernelInceptionDistance.DEFAULT_SUBSET_SIZE, n),
                        true, PrecisionRecallDensityCoverage.DEFAULT_K, 0, seed), info);
        // KID's spread over subsets is zero when one subset holds all N samples (N up to 1000, every
        // compare run), so its interval is the bootstrap over the generated samples, as the audit's per-slice KID
        KidBootstrap.Result kidBootstrap = KidBootstrap.compute(feats, referenceSubset.rows(),
                KernelInceptionDistance.DEFAULT_SUBSETS, fidResamples, 0.95, Seeds.derive(seed, "kid-interval"));
        ClassReadback readback = classDiffusion || classGan
                ? ClassReadback.ofImages(sampler.conditions(), asked, images, extractor) : null;
        Long params = null;
        Long steps = null;
        Long configured = null;
        Double trainSeconds = null;
        String origin = "the run " + loaded.dir().root() + " (" + loaded.checkpoint().getFileName() + ")";
        if (PublishedModel.isPublished(loaded.dir().root())) {
            ModelCard card = PublishedModel.card(loaded.dir().root());
            params = card.weights().parameters();
            steps = card.trainingSteps();
            configured = card.configuredSteps();
            trainSeconds = card.trainSeconds();
            origin = "published " + m.model() + " (SHA-256 " + card.weights().sha256().substring(0, 12) + "…)";
        }
        int columns = classDiffusion ? sampler.conditions().size() : 10;
        return new ModelScores(m.label(), origin, drawn, fid, kidPrdc, kidBootstrap.interval(), readback, seconds / n, params, steps, configured,
                trainSeconds, List.copyOf(images.subList(0, Math.min(classGan ? n : 40, n))), columns);
    }

    /**
     * Draws images {@code from .. from + k - 1} of a conditional GAN with the classes in turn, as a
     * class-conditional diffusion model draws them. A GAN takes one class per call, so each class's
     * share of the chunk is one call; one class per chunk, as before, left N = 100 with two classes
     * of the ten and inflated the GAN's FID.
     *
     * @return seconds spent drawing
     */
    private double drawClassesInTurn(Sampler sampler, int from, int k, int chunk, List<Image> images, int[] asked) {
        int classes = sampler.conditions().size();
        List<Iterator<Image>> byClass = new ArrayList<>();
        double seconds = 0;
        for (int c = 0; c < classes; c++) {
            int count = 0;
            for (int i = from; i < from + k; i++) {
                count += Sampling.classInTurn(i, classes) == c ? 1 : 0;
            }
            List<Image> drawn = List.of();
            if (count > 0) {
                Samples s = Sampling.draw(sampler, SampleRequest.of(count, Seeds.derive(seed, "generate/" + chunk + "/" + c))
                        .withCondition(sampler.conditions().get(c)));
                seconds += s.seconds();
                drawn = s.images();
            }
            byClass.add(drawn.iterator());
        }
        for (int i = from; i < from + k; i++) {
            asked[i] = Sampling.classInTurn(i, classes);
            images.add(asPng(byClass.get(asked[i]).next()));
        }
        return seconds;
    }

    /** Pixel values rounded to the 256 levels of a PNG, as the reference images (uint8) are stored. */
    private static Image asPng(Image image) {
        float[] p = image.pixels().clone();
        for (int i = 0; i < p.length; i++) {
            float v = Math.max(-1f, Math.min(1f, p[i]));
            p[i] = Math.round((v + 1f) * 127.5f) / 127.5f - 1f;
        }
        return new Image(image.channels(), image.height(), image.width(), p);
    }

    /** fmnist-v1 features of the images, prepared and run 256 at a time (bounded memory), rows in input order. */
    private float[][] features(List<Image> images) {
        float[][] out = new float[images.size()][];
        for (int from = 0; from < images.size(); from += 256) {
            List<Image> batch = new ArrayList<>();
            for (Image im : images.subList(from, Math.min(images.size(), from + 256))) {
                batch.add(extractor.prepare(im, "sample"));
            }
            float[][] f = extractor.features(batch);
            System.arraycopy(f, 0, out, from, f.length);
        }
        return out;
    }
}
