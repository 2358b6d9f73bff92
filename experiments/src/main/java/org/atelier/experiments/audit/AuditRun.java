package org.atelier.experiments.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.atelier.core.config.ConfigLoader;
import org.atelier.core.provenance.ProvenanceBuilder;
import org.atelier.datasets.DatasetCatalog;
import org.atelier.datasets.ImageDataset;
import org.atelier.evaluation.audit.AuditClassifier;
import org.atelier.evaluation.audit.DatasetAudit;
import org.atelier.evaluation.audit.GeneratorAudit;
import org.atelier.evaluation.audit.SliceDistribution;
import org.atelier.evaluation.audit.SliceFrame;
import org.atelier.evaluation.audit.SliceOptions;
import org.atelier.evaluation.report.HtmlReport;
import org.atelier.models.backend.Backends;
import org.atelier.models.features.PortraitsCnn;
import org.atelier.models.features.PortraitsV1;
import org.atelier.training.Runs;

/**
 * {@code atelier audit CONFIG.yaml}: the training set's shares, a Tribuo classifier of the
 * attribute, each generator's representation of it and its quality per slice, and the inpainting
 * fidelity per slice, written as one report:
 * {@code AuditRun.write(AuditConfig.load(file, List.of()), System.err::println)}.
 */
public final class AuditRun {
    /**
     * One generator's samples and audit.
     *
     * @param quality its distribution quality per slice, or null when the config asks for none
     */
    record GeneratorResult(AuditConfig.Generator config, Path weights, String family, boolean diffusion,
                           AuditConfig.Sampling sampling, GeneratorSamples.Drawn drawn, GeneratorAudit audit,
                           SliceFrame readAsAsked, String trainingSetId, SliceDistribution quality) {
    }

    /** The report's page and its findings in words. */
    public record Written(Path page, List<String> findings) {
    }

    private AuditRun() {
    }

    /** Runs the audit and writes the report. */
    public static Written write(AuditConfig cfg, Consumer<String> progress) {
        boolean inpainting = cfg.quality() != null && cfg.quality().inpainting() != null;
        int total = 2 + cfg.generators().size() + (inpainting ? 1 : 0);
        ImageDataset training = cfg.trainingSet() != null ? DatasetCatalog.open(cfg.trainingSet(), PortraitsCnn.SIZE)
                : GeneratorSamples.load(cfg.generators().get(0).model()).trainingSet();
        progress.accept("[1/" + total + "] training set " + training.id());
        DatasetAudit dataset = DatasetAudit.of(training, List.of(cfg.attribute()), null, SliceOptions.DEFAULT_LEVEL);
        SliceOptions o = SliceOptions.defaults(cfg.seed()).withBootstrap(cfg.bootstrap());

        progress.accept("[2/" + total + "] Tribuo classifier of " + cfg.attribute() + " on " + cfg.classifier().labelled());
        ImageDataset labelled = DatasetCatalog.open(cfg.classifier().labelled(), PortraitsCnn.SIZE);
        AuditClassifier classifier = AuditClassifier.train(cfg.attribute(), labelled, cfg.classifier().train(),
                cfg.classifier().heldOut(), PortraitsV1.load(), cfg.seed());

        ProvenanceBuilder provenance = new ProvenanceBuilder().configHash(ConfigLoader.hash(cfg)).seed(cfg.seed())
                .dataset(training.id(), training.contentHash()).dataset(labelled.id(), labelled.contentHash())
                .backend(Backends.name(), Backends.nd4jVersion()).extra("command", "atelier audit")
                .extra("config", ConfigLoader.toYaml(cfg).replace('\n', ' '))
                .extra("classifier", classifier.classifier().provenance());
        List<GeneratorResult> results = new ArrayList<>();
        for (int i = 0; i < cfg.generators().size(); i++) {
            AuditConfig.Generator g = cfg.generators().get(i);
            AuditConfig.Sampling how = cfg.samplingFor(g);
            Runs.Loaded loaded = GeneratorSamples.load(g.model());
            progress.accept(String.format("[%d/%d] %s (%s): %d samples", i + 3, total, g.name(), loaded.family(),
                    how.samples()));
            GeneratorSamples.Drawn drawn = GeneratorSamples.draw(loaded, g, how, cfg.attribute(), cfg.seed());
            ImageDataset itsTraining = g.trainingSet() != null ? DatasetCatalog.open(g.trainingSet(), PortraitsCnn.SIZE)
                    : loaded.trainingSet();
            Map<String, Double> shares = GeneratorAudit.shares(itsTraining, cfg.attribute());
            GeneratorAudit audit = GeneratorAudit.of(classifier, shares, drawn.images(), o);
            SliceDistribution quality = cfg.quality() == null ? null : QualityPerSlice.distribution(classifier,
                    drawn.images(), audit.readings(), itsTraining, cfg.attribute(), cfg.quality(), cfg.seed(), g.name());
            provenance.dataset(itsTraining.id(), itsTraining.contentHash()).extra("generator " + g.name(),
                    loaded.checkpoint().toString());
            results.add(new GeneratorResult(g, loaded.checkpoint(), loaded.family(),
                    loaded.model() instanceof org.atelier.models.diffusion.DiffusionModel, how, drawn, audit,
                    readAsAsked(drawn, audit, cfg.attribute(), o), itsTraining.id(), quality));
        }
        QualityPerSlice.Inpainted inpainted = null;
        if (inpainting) {
            AuditConfig.Inpainting in = cfg.quality().inpainting();
            progress.accept(String.format("[%d/%d] inpainting per slice: %s on %d images of %s, %s masks", total, total,
                    in.model(), in.n(), in.dataset(), in.maskKind()));
            inpainted = QualityPerSlice.inpainting(in, cfg.attribute(), cfg.outDir().resolve("inpainting"), o,
                    cfg.quality().minSize());
            provenance.extra("inpainter", inpainted.weights().toString());
        }
        HtmlReport report = new HtmlReport(cfg.outDir(), "Atelier — bias audit: " + cfg.attribute()
                + " in a training set and its generators", provenance.build());
        List<String> findings = AuditReport.write(report, cfg, dataset, classifier, results, inpainted);
        return new Written(report.write(), findings);
    }

    /** For steered samples: 1 when the classifier read the asked value, by asked value; null when unconditional. */
    private static SliceFrame readAsAsked(GeneratorSamples.Drawn drawn, GeneratorAudit audit, String attribute, SliceOptions o) {
        if (drawn.asked().stream().allMatch(java.util.Objects::isNull)) {
            return null;
        }
        double[] hit = new double[drawn.asked().size()];
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < hit.length; i++) {
            hit[i] = drawn.asked().get(i).equals(audit.readings().get(i)) ? 1 : 0;
            rows.add(Map.of("asked", drawn.asked().get(i)));
        }
        return SliceFrame.of("read_as_asked", hit, rows, List.of("asked"),
                o.withMeasure(SliceOptions.Measure.SHARE).withMinSize(5));
    }
}
