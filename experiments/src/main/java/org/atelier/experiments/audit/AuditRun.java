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
import org.atelier.evaluation.audit.SliceFrame;
import org.atelier.evaluation.audit.SliceOptions;
import org.atelier.evaluation.report.HtmlReport;
import org.atelier.models.backend.Backends;
import org.atelier.models.features.PortraitsCnn;
import org.atelier.models.features.PortraitsV1;
import org.atelier.training.Runs;

/**
 * {@code atelier audit CONFIG.yaml}: the training set's shares, a Tribuo classifier of the
 * attribute, and each generator's representation of it, written as one report:
 * {@code AuditRun.write(AuditConfig.load(file, List.of()), System.err::println)}.
 */
public final class AuditRun {
    /** One generator's samples and audit. */
    record GeneratorResult(AuditConfig.Generator config, Path weights, GeneratorSamples.Drawn drawn, GeneratorAudit audit,
                           SliceFrame readAsAsked, String trainingSetId) {
    }

    /** The report's page and its findings in words. */
    public record Written(Path page, List<String> findings) {
    }

    private AuditRun() {
    }

    /** Runs the audit and writes the report. */
    public static Written write(AuditConfig cfg, Consumer<String> progress) {
        int total = 2 + cfg.generators().size();
        progress.accept("[1/" + total + "] training set " + cfg.trainingSet());
        ImageDataset training = DatasetCatalog.open(cfg.trainingSet(), PortraitsCnn.SIZE);
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
            progress.accept(String.format("[%d/%d] %s: %d samples, %s-%d", i + 3, total, g.name(), cfg.sampling().samples(),
                    cfg.sampling().sampler(), cfg.sampling().steps()));
            Runs.Loaded loaded = GeneratorSamples.load(g.model());
            GeneratorSamples.Drawn drawn = GeneratorSamples.draw(loaded, g, cfg.sampling(), cfg.attribute(), cfg.seed());
            ImageDataset itsTraining = DatasetCatalog.open(g.trainingSet(), PortraitsCnn.SIZE);
            Map<String, Double> shares = GeneratorAudit.shares(itsTraining, cfg.attribute());
            GeneratorAudit audit = GeneratorAudit.of(classifier, shares, drawn.images(), o);
            provenance.dataset(itsTraining.id(), itsTraining.contentHash()).extra("generator " + g.name(),
                    loaded.checkpoint().toString());
            results.add(new GeneratorResult(g, loaded.checkpoint(), drawn, audit, readAsAsked(drawn, audit, cfg.attribute(), o),
                    itsTraining.id()));
        }
        HtmlReport report = new HtmlReport(cfg.outDir(), "Atelier — bias audit: " + cfg.attribute()
                + " in a training set and its generators", provenance.build());
        List<String> findings = AuditReport.write(report, cfg, dataset, classifier, results);
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
